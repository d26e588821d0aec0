import { foldDiacritics } from '#libs/core';

const PREFIXES = /^(phuong|p|xa|x|thi tran|tt|dac khu|dk|tinh|thanh pho|tp)\s+/;

/**
 * A ward or province name reduced to a safe key: no diacritics, no case, no administrative prefix,
 * only a-z, 0-9 and "-" ("P. Thủy Nguyên" and "phường thuy nguyen" → "thuy-nguyen"). Filters use
 * these keys, so no user text ever enters a filter expression.
 */
export function placeKey(name: string): string {
  const folded = foldDiacritics(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return folded.replace(PREFIXES, '').replace(/\s+/g, '-');
}
