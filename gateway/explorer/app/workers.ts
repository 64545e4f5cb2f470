/**
 * Monaco (GraphiQL's editor) runs its language services in web workers. The build bundles each
 * worker next to the page (gateway/explorer/build.ts), so they load from the gateway itself: the
 * package's own set-ups load them from a CDN (esm.sh) or need a Vite/Webpack loader.
 * Imported first by main.tsx, before GraphiQL reads MonacoEnvironment.
 */
const WORKERS: Record<string, string> = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

window.MonacoEnvironment = {
  getWorker: (_workerId, label) =>
    new Worker(new URL(`/explorer/${WORKERS[label] ?? 'editor.worker.js'}`, window.location.href)),
};

export {};
