# syntax=docker/dockerfile:1
# One image for every role; the command chooses it (docs/operations.md, "Deployment"):
#   (default)               scripts/gateway.ts    the gateway
#   scripts/subgraph.ts     one subgraph, named by SSM_SUBGRAPH (PORT required)
#   scripts/mocks.ts        the legacy simulators (demo only), ports 4101-4106
# e.g. docker run -e SSM_SUBGRAPH=orders -e PORT=4003 ... ssm-gateway scripts/subgraph.ts
# tests/unit/deploy-image.test.ts checks this file against the code (no container runtime runs there).

# The Node.js release CI runs (package.json "engines": >=20.19).
ARG NODE_VERSION=20.20.2

# Build: every dependency, then the explorer bundle (esbuild and the GraphiQL packages are
# development dependencies; the bundle is generated, never committed).
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run explorer:build

# Runtime: production dependencies only (tsx, which runs the TypeScript, is one of them), the
# sources that run, the files they read (schema SDL, trusted-document manifests) and the bundle.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY lib ./lib
COPY legacy ./legacy
COPY mocks ./mocks
COPY subgraphs ./subgraphs
COPY gateway ./gateway
COPY system ./system
COPY schema ./schema
COPY apps ./apps
COPY scripts/gateway.ts scripts/subgraph.ts scripts/mocks.ts ./scripts/
COPY --from=build /app/gateway/explorer/dist ./gateway/explorer/dist
# Files stay root's: the process cannot change its own code. tsx keeps its compile cache in /tmp
# (an emptyDir when the root file system is read-only, deploy/kubernetes).
# 1000 is the image's "node" user; numeric so that Kubernetes can check runAsNonRoot.
USER 1000:1000
EXPOSE 4000
# The gateway's and a subgraph's /healthz on PORT; the simulators have no PORT, the CRM's admin
# page answers for them.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD ["node", "-e", "const sims = require('node:fs').readFileSync('/proc/1/cmdline', 'utf8').includes('scripts/mocks.ts'); fetch(sims ? 'http://127.0.0.1:4101/_admin/faults' : `http://127.0.0.1:${process.env.PORT || 4000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));"]
# node is PID 1 and handles SIGTERM itself (drain, then exit 0); npm would not pass it on.
ENTRYPOINT ["node", "--import", "tsx"]
CMD ["scripts/gateway.ts"]
