/**
 * A label whose values come from callers (operation names) or from request paths (legacy
 * operations) would let anyone grow the metrics without bound: every new value is a new time
 * series in this process and in Prometheus. A BoundedLabels keeps the values known in advance
 * (registered trusted documents), admits the first `maxFirstSeen` other well-formed values, and
 * folds everything after into `other`, for the life of the process.
 */
export class BoundedLabels {
  static readonly OTHER = 'other';
  private readonly known: ReadonlySet<string>;
  private readonly seen = new Set<string>();

  constructor(
    known: Iterable<string>,
    private readonly maxFirstSeen: number,
    /** Values that fail it are folded at once (they could still be personal or huge). */
    private readonly wellFormed: (value: string) => boolean = () => true,
  ) {
    this.known = new Set(known);
  }

  label(value: string): string {
    if (this.known.has(value) || this.seen.has(value)) return value;
    if (this.seen.size >= this.maxFirstSeen || !this.wellFormed(value)) return BoundedLabels.OTHER;
    this.seen.add(value);
    return value;
  }

  /** Distinct values this instance can answer with now (tests, and the docs' arithmetic). */
  get size(): number {
    return this.known.size + this.seen.size + 1;
  }
}

/** An error code as a label: codes come from our code; anything else is not spelled out. */
export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && /^[A-Z][A-Z_]{0,39}$/.test(code) ? code : 'OTHER';
}

/** A GraphQL name (the spec's Name production), short enough to be a label. */
export const isGraphQLName = (value: string): boolean => /^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(value);

/**
 * The operation a legacy HTTP call stands for, without the data in its URL: the query string is
 * dropped and every path segment that is not a plain lower-case word (ids, numbers, e-mail
 * addresses: `ACC-0000001`, `+4479...`) becomes `{id}`. SOAP calls share one URL: their
 * SOAPAction names the operation.
 */
export function legacyOperation(method: string, path: string, soapAction?: string): string {
  if (soapAction) {
    const operation = /#?([A-Za-z][A-Za-z0-9]*)"?\s*$/.exec(soapAction)?.[1];
    if (operation) return operation;
  }
  return `${method} ${pathTemplate(path)}`;
}

/** A URL path without its data: no query string, `{id}` for every segment that is not a word. */
export function pathTemplate(path: string): string {
  return path
    .split('?')[0]
    .split('/')
    .map((segment) => (segment === '' || /^[a-z_][a-z_-]*$/.test(segment) ? segment : '{id}'))
    .join('/');
}
