import type { ReactNode } from 'react';

/**
 * Words read as one: a label and its number ("バージョン 1", "MST 0101234567", "phiên bản 2") on one
 * line. In a line of several facts at 390 px the number otherwise could land alone at the start of
 * the next line ("バージョン / 1"); the facts around it still wrap.
 */
export function KeepTogether({ children }: { children: ReactNode }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}
