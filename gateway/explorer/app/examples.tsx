import { Button, pick, useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import type { GraphiQLProps } from 'graphiql';
import { EXAMPLES } from './operations';

const variablesText = (variables: Record<string, unknown>) => JSON.stringify(variables, null, 2);

/** The examples as the tabs a first visit opens with (GraphiQL keeps a returning visitor's tabs). */
export const EXAMPLE_TABS: NonNullable<GraphiQLProps['defaultTabs']> = EXAMPLES.map((example) => ({
  query: example.query,
  variables: variablesText(example.variables),
}));

/** The examples panel: puts an example into the open tab, whatever tabs the visitor has. */
function ExamplesPanel() {
  const { queryEditor, variableEditor } = useGraphiQL(pick('queryEditor', 'variableEditor'));
  const { setOperationName } = useGraphiQLActions();
  return (
    <div className="ssm-panel">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <ul className="ssm-examples">
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <Button
              type="button"
              // Monaco loads after the page: until both editors exist a click would put nothing in
              // the tab and the run would send whatever the tab held (seen on a loaded machine).
              disabled={!queryEditor || !variableEditor}
              onClick={() => {
                queryEditor?.setValue(example.query);
                variableEditor?.setValue(variablesText(example.variables));
                // GraphiQL reads the operations of the new text only after a pause in typing: a run
                // before that would name the previous example's operation.
                setOperationName(example.operationName);
              }}
            >
              {example.title}
            </Button>
            <p>For {example.audience}.</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function BookIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 4h7a3 3 0 013 3v13a2 2 0 00-2-2H4zM20 4h-4a2 2 0 00-2 2" />
    </svg>
  );
}

export const EXAMPLES_PLUGIN: GraphiQLPlugin = { title: 'Examples', icon: BookIcon, content: ExamplesPanel };
