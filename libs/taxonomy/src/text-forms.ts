import { foldDiacritics } from '#libs/core';

/** A text prepared for matching: compared as written (diacritics kept), folded, and folded without spaces. */
export interface MatchKey {
  /** Lowercased, punctuation turned into single spaces, diacritics kept: "gia công cnc". */
  exact: string;
  /** `exact` without diacritics: "gia cong cnc". */
  folded: string;
  /** `folded` without spaces, so that "CNC가공" meets "CNC 가공" and "IATF16949" meets "IATF 16949". */
  compact: string;
}

/** Builds the match key of a label, alias or query. NFKC first, so full-width "ＣＮＣ" reads as "CNC". */
export function matchKey(text: string): MatchKey {
  const exact = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
  const folded = foldDiacritics(exact);
  return { exact, folded, compact: folded.replace(/ /g, '') };
}

/** How well a term's form matches a query: 0 exact with diacritics, 1 exact ignoring them (or spaces), 2 prefix, 3 substring. */
export function matchRank(form: MatchKey, query: MatchKey): number | undefined {
  if (form.exact === query.exact) return 0;
  if (form.folded === query.folded || form.compact === query.compact) return 1;
  if (form.folded.startsWith(query.folded) || form.compact.startsWith(query.compact)) return 2;
  if (form.folded.includes(query.folded)) return 3;
  return undefined;
}

/** A surface form as people write it: trimmed, single spaces, lowercased, punctuation kept. */
export function lowerForm(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
