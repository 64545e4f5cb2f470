// Workers first: GraphiQL's editor reads MonacoEnvironment when it loads.
import './workers';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { DOC_EXPLORER_PLUGIN } from '@graphiql/plugin-doc-explorer';
import 'graphiql/style.css';
import './explorer.css';
import { EXAMPLE_TABS, EXAMPLES_PLUGIN } from './examples';
import { fetcher } from './session';
import { SIGN_IN_PLUGIN } from './sign-in';

/**
 * The gateway's self-hosted explorer (GET /graphql from a browser): GraphiQL with the docs
 * explorer, a sign-in panel and ready examples, bundled by gateway/explorer/build.ts and served
 * by gateway/explorer/serve.ts with no request to any other origin.
 */
const root = document.getElementById('explorer');
if (root)
  createRoot(root).render(
    <GraphiQL
      fetcher={fetcher}
      referencePlugin={DOC_EXPLORER_PLUGIN}
      plugins={[SIGN_IN_PLUGIN, EXAMPLES_PLUGIN, HISTORY_PLUGIN]}
      defaultTabs={EXAMPLE_TABS}
      defaultEditorToolsVisibility="headers"
    >
      <GraphiQL.Logo>SSM API explorer</GraphiQL.Logo>
    </GraphiQL>,
  );
