import type { ReactNode } from 'react';
import { Trans } from 'react-i18next';

/**
 * Words read as one: a label and its number ("バージョン 1", "MST 0101234567", "phiên bản 2") on one
 * line. In a line of several facts at 390 px the number otherwise could land alone at the start of
 * the next line ("バージョン / 1"); the facts around it still wrap.
 */
export function KeepTogether({ children }: { children?: ReactNode }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

/**
 * A message whose `<kept>…</kept>` part, a label and its number inside a sentence ("保存しました
 * （<kept>バージョン {{version}}</kept>）。"), stays on one line as KeepTogether keeps it.
 */
export function KeptMessage({ i18nKey, values }: { i18nKey: 'sme.saved' | 'buyer.form.saved'; values: Record<string, unknown> }) {
  return <Trans i18nKey={i18nKey} values={values} components={{ kept: <KeepTogether /> }} />;
}
