import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Bounded work per request (issue 6), enforced by graphql-armor before any planning or subgraph
 * call. Every limit is configurable (SSM_LIMIT_*, read by system/config) and documented in README.md.
 */
export interface RequestLimits {
  /** Nesting depth of selections. The 50-number dashboard needs 8. */
  maxDepth: number;
  /** Aliased fields per operation (alias bombs repeat one expensive field). */
  maxAliases: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Lexical tokens per document: caps parsing work before anything else runs. */
  maxTokens: number;
  /** graphql-armor's cost (objects 2, scalars 1, times 1.5 per depth level). */
  maxCost: number;
  /** Request body size; larger bodies get 413 and the connection is closed. */
  bodyBytes: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
  // The 50-number dashboard costs about 11,000 and a 50-item partner page about 13,000.
  maxCost: 50_000,
  bodyBytes: 100_000,
};

/** graphql-armor's Apollo plugins and validation rules for these limits, and the parser's token cap. */
export function armor(limits: RequestLimits) {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Tokens are capped by graphql-js's own parser option instead (parseOptions below): armor's
    // token plugin turns every syntax error into a 500 under Apollo Server 5.
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    // "Did you mean ...?" would let anyone map the schema field by field.
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { plugins, validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

const ARMOR_MESSAGE =
  /^Syntax Error: (Query depth|Token|Aliases|Query Cost|Directives) limit of (\d+) exceeded/i;
const LIMIT_NAMES: Record<string, string> = {
  'query depth': 'depth',
  token: 'tokens',
  aliases: 'aliases',
  'query cost': 'cost',
  directives: 'directives',
};

// graphql-js 16 spells it "more that".
const TOKEN_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/** Gives graphql-armor's rejections their own code and names the limit that was hit. */
export function formatLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  const tokens = TOKEN_MESSAGE.exec(formatted.message);
  if (tokens)
    return {
      message: `Token limit of ${tokens[1]} exceeded.`,
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens', max: Number(tokens[1]) },
    };
  const match = ARMOR_MESSAGE.exec(formatted.message);
  if (!match) return null;
  return {
    message: formatted.message.replace(/^Syntax Error: /, ''),
    extensions: {
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: LIMIT_NAMES[match[1].toLowerCase()],
      max: Number(match[2]),
    },
  };
}
