/**
 * Runs `work` when the browser's main thread is next idle (at the latest after `timeoutMs`), for
 * what may wait: code the user will probably need next, fonts for words the page may show. Returns a
 * function that cancels it. Safari has no `requestIdleCallback`: a timer stands in.
 */
export function whenIdle(work: () => void, timeoutMs = 3000): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, Math.min(timeoutMs, 1000));
  return () => clearTimeout(id);
}
