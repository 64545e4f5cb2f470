import { XMLParser } from 'fast-xml-parser';

/** SOAP 1.1 envelopes: built as text with escaping, parsed without namespace prefixes. */

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const CRM_NS = 'urn:ssm:legacy:crm';

export type XmlValue =
  string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string,
  );
}

/** Serialises a value as elements: arrays repeat the element, objects nest, null is omitted. */
export function toXml(name: string, value: XmlValue, prefix = 'crm'): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => toXml(name, v, prefix)).join('');
  const tag = `${prefix}:${name}`;
  if (typeof value === 'object') {
    return `<${tag}>${Object.entries(value)
      .map(([k, v]) => toXml(k, v, prefix))
      .join('')}</${tag}>`;
  }
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

export function envelope(bodyXml: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:crm="${CRM_NS}"><soap:Body>${bodyXml}</soap:Body></soap:Envelope>`;
}

export function faultEnvelope(
  faultCode: 'soap:Client' | 'soap:Server',
  faultString: string,
  detailCode: string,
): string {
  return envelope(
    `<soap:Fault><faultcode>${faultCode}</faultcode><faultstring>${escapeXml(faultString)}</faultstring><detail><crm:errorCode>${escapeXml(detailCode)}</crm:errorCode></detail></soap:Fault>`,
  );
}

/** Element names that are always lists, whatever their count in one message. */
const LIST_ELEMENTS = new Set(['customer', 'account', 'user', 'preference', 'channel', 'interaction']);
/** Request parameters that repeat (bulk look-ups by id). */
const LIST_PARAMETERS = new Set(['id', 'customerId']);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name, jpath) =>
    LIST_ELEMENTS.has(name) ||
    (LIST_PARAMETERS.has(name) && String(jpath).split('.').at(-2)?.endsWith('Request') === true),
});

export interface ParsedEnvelope {
  operation: string;
  payload: Record<string, unknown>;
  fault?: { code: string; message: string; detailCode: string };
}

/** Parses a SOAP envelope; throws when the text is not one. */
export function parseEnvelope(xml: string): ParsedEnvelope {
  const doc = parser.parse(xml) as Record<string, unknown>;
  const env = doc.Envelope as Record<string, unknown> | undefined;
  const body = env?.Body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') throw new Error('Not a SOAP envelope');
  const [operation] = Object.keys(body);
  if (!operation) throw new Error('Empty SOAP body');
  if (operation === 'Fault') {
    const f = body.Fault as Record<string, unknown>;
    const detail = (f.detail ?? {}) as Record<string, unknown>;
    return {
      operation,
      payload: {},
      fault: {
        code: String(f.faultcode ?? ''),
        message: String(f.faultstring ?? ''),
        detailCode: String(detail.errorCode ?? ''),
      },
    };
  }
  const payload = body[operation];
  return {
    operation,
    payload: typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {},
  };
}
