import { matchKey, type Taxonomy, TaxonomyKind } from '#libs/taxonomy';

/** A cell value resolved to a taxonomy code, or why it could not be. */
export type Resolution = { code: string } | { problem: string };

/**
 * Resolves what people write in a spreadsheet to taxonomy codes: the code itself (any case), or a
 * label or alias in any language, ignoring case, diacritics, punctuation and spaces. Only whole
 * forms count (no prefix guessing): an unknown text is reported with suggestions.
 */
export class TaxonomyResolver {
  private readonly forms = new Map<TaxonomyKind, Map<string, Set<string>>>();

  constructor(private readonly taxonomy: Taxonomy) {}

  resolve(kind: TaxonomyKind, text: string): Resolution {
    const trimmed = text.trim();
    const upper = trimmed.toUpperCase();
    if (/^[A-Z0-9_]+$/.test(upper) && this.taxonomy.has(kind, upper)) return { code: upper };
    const codes = this.index(kind).get(matchKey(trimmed).compact);
    if (codes?.size === 1) return { code: [...codes][0] };
    const noun = kind.toLowerCase().replace('_', ' ');
    if (codes && codes.size > 1) return { problem: `"${trimmed}" names several ${noun}s (${[...codes].join(', ')}): write the code` };
    const suggestions = this.taxonomy.search(trimmed, kind, 3).map((t) => t.code);
    return { problem: `unknown ${noun} "${trimmed}"${suggestions.length ? ` (did you mean ${suggestions.join(', ')}?)` : ''}` };
  }

  private index(kind: TaxonomyKind): Map<string, Set<string>> {
    let index = this.forms.get(kind);
    if (!index) {
      index = new Map();
      for (const term of this.taxonomy.list(kind)) {
        const texts = [term.code, ...Object.values(term.labels), ...Object.values(term.aliases).flat()];
        for (const text of texts) {
          if (!text) continue;
          const key = matchKey(text).compact;
          if (!key) continue;
          const codes = index.get(key) ?? new Set<string>();
          codes.add(term.code);
          index.set(key, codes);
        }
      }
      this.forms.set(kind, index);
    }
    return index;
  }
}
