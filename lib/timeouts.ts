/**
 * True for the rejection of an aborted or timed-out request. AbortSignal.timeout rejects with a
 * DOMException, which is not always an `Error` instance across realms, so check the name.
 */
export function isTimeoutOrAbort(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  return name === 'TimeoutError' || name === 'AbortError';
}
