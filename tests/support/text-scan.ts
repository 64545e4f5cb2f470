import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Finds every user-facing text in the code, as written: the message argument of the error helpers
 * (lib/errors.ts), a legacy error's client message, and every msg`…` text (lib/i18n/text.ts). A
 * message built with an untagged template literal cannot be translated (its parts are gone by the
 * time it is rendered), so it is reported as a problem rather than a text.
 */
export interface ScanResult {
  /** Source text id → the first place it was found. */
  texts: Map<string, string>;
  /** Messages that cannot be translated as written. */
  problems: string[];
}

/** Which argument of which call is a user-facing message. */
const MESSAGE_ARGUMENT: Record<string, number> = {
  apiError: 1,
  badInput: 0,
  forbidden: 0,
  unauthenticated: 0,
  notFound: 0,
  localize: 0,
  /** gateway/authorize.ts: the gateway's refusal of a field. */
  denied: 0,
};
const LEGACY_ERROR_CLIENT_MESSAGE = 4;
/** Result fields that carry a sentence to the client (a refusal's reason, a payload's message). */
const TEXT_PROPERTIES = new Set(['reason', 'message']);
/** Where a sentence in such a field reaches clients (lib's are protocol errors or logs). */
const RESULT_DIRS = ['subgraphs', 'legacy'];

const root = path.join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((file) => !file.includes('__generated__') && !file.includes(`${path.sep}explorer${path.sep}`));
}

/** `msg`'s id for a template: the literal parts joined by {0}, {1}, … (lib/i18n/text.ts). */
function templateId(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return template.templateSpans.reduce(
    (id, span, i) => `${id}{${i}}${span.literal.text}`,
    template.head.text,
  );
}

export function scanTexts(dirs: string[]): ScanResult {
  const texts = new Map<string, string>();
  const problems: string[] = [];
  for (const file of dirs.flatMap(sourceFiles)) {
    const source = ts.createSourceFile(
      file,
      readFileSync(path.join(root, file), 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    );
    const where = (node: ts.Node) =>
      `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const message = (node: ts.Expression): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        if (!texts.has(node.text)) texts.set(node.text, where(node));
      } else if (ts.isTemplateExpression(node)) {
        problems.push(`${where(node)}: a message built with \`\${}\` cannot be translated; write msg\`…\``);
      } else if (ts.isConditionalExpression(node)) {
        message(node.whenTrue);
        message(node.whenFalse);
      } else if (ts.isParenthesizedExpression(node)) {
        message(node.expression);
      }
      // Anything else (a variable, a call) carries a text made elsewhere, where it is found.
    };
    const resultsReachClients = RESULT_DIRS.some((dir) => file.startsWith(dir + path.sep));
    const visit = (node: ts.Node): void => {
      if (
        ts.isParameter(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === 'message' &&
        node.initializer
      ) {
        message(node.initializer);
      } else if (
        resultsReachClients &&
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        TEXT_PROPERTIES.has(node.name.text) &&
        (ts.isTemplateExpression(node.initializer) ||
          ((ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer)) &&
            node.initializer.text.includes(' ')))
      ) {
        // A sentence (codes have no spaces) sent as it is: nothing renders it in the reader's language.
        problems.push(
          `${where(node)}: a sentence in \`${node.name.text}\` is sent untranslated; write localize(…)`,
        );
      } else if (
        ts.isTaggedTemplateExpression(node) &&
        ts.isIdentifier(node.tag) &&
        node.tag.text === 'msg'
      ) {
        const id = templateId(node.template);
        if (!texts.has(id)) texts.set(id, where(node));
      } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const index = MESSAGE_ARGUMENT[node.expression.text];
        const argument = index === undefined ? undefined : node.arguments[index];
        if (argument) message(argument);
      } else if (
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'LegacyError'
      ) {
        const argument = node.arguments?.[LEGACY_ERROR_CLIENT_MESSAGE];
        if (argument) message(argument);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { texts, problems };
}
