import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldDiacritics, type Language } from '#libs/core';
import { TAXONOMY_KINDS, TaxonomyKind } from './taxonomy-kind.js';
import { TERM_LANGUAGES, type TaxonomyDataFile, type TaxonomyTerm } from './taxonomy-term.js';
import { TaxonomyDataError, validateTaxonomyData } from './taxonomy-validation.js';
import { lowerForm, matchKey, matchRank, type MatchKey } from './text-forms.js';

/** The data files shipped in `libs/taxonomy/data/`, one per kind. */
export const TAXONOMY_DATA_FILES = ['processes', 'materials', 'product-groups', 'certifications', 'sectors', 'zones'] as const;

/** Lookup structures of one kind. */
interface KindIndex {
  /** Tree order: each parent before its children, siblings by code. */
  ordered: TaxonomyTerm[];
  byCode: Map<string, TaxonomyTerm>;
  /** Children by parent code (roots under null), sorted by code. */
  children: Map<string | null, TaxonomyTerm[]>;
  /** Match keys of every label and alias, by term code. */
  matchKeys: Map<string, MatchKey[]>;
}

/**
 * The capability taxonomy: processes, materials, product groups, certifications, sectors and industrial
 * zones, each a forest of terms with labels and aliases in vi/en/ja/ko. Immutable; plain TypeScript (no Nest).
 */
export class Taxonomy {
  private static loaded: Taxonomy | undefined;
  private readonly kinds = new Map<TaxonomyKind, KindIndex>();

  private constructor(
    readonly version: string,
    terms: readonly TaxonomyTerm[],
  ) {
    for (const kind of TAXONOMY_KINDS) this.kinds.set(kind, buildIndex(terms.filter((t) => t.kind === kind)));
  }

  /** The taxonomy shipped with the project (read and validated once, then cached). Throws `TaxonomyDataError` if the data is broken. */
  static load(): Taxonomy {
    return (Taxonomy.loaded ??= Taxonomy.fromData(readDataFiles()));
  }

  /** Builds a taxonomy from data files, validating them first (see `validateTaxonomyData`). */
  static fromData(files: readonly TaxonomyDataFile[]): Taxonomy {
    const { version, terms } = validateTaxonomyData(files);
    return new Taxonomy(version, terms);
  }

  /** All terms of a kind in tree order (parents before children, siblings by code). */
  list(kind: TaxonomyKind): TaxonomyTerm[] {
    return [...this.index(kind).ordered];
  }

  find(kind: TaxonomyKind, code: string): TaxonomyTerm | undefined {
    return this.index(kind).byCode.get(code);
  }

  has(kind: TaxonomyKind, code: string): boolean {
    return this.index(kind).byCode.has(code);
  }

  /** The term's label in `lang`, else English, else Vietnamese; the code itself when the term is unknown. */
  label(kind: TaxonomyKind, code: string, lang: Language): string {
    const labels = this.find(kind, code)?.labels;
    if (!labels) return code;
    return labels[lang as `${Language}`] ?? labels.en ?? labels.vi;
  }

  parentOf(kind: TaxonomyKind, code: string): TaxonomyTerm | undefined {
    const parent = this.find(kind, code)?.parent;
    return parent == null ? undefined : this.find(kind, parent);
  }

  /** Direct children, by code. */
  children(kind: TaxonomyKind, code: string): TaxonomyTerm[] {
    return [...(this.index(kind).children.get(code) ?? [])];
  }

  /** Parent, grandparent, ... up to the root (nearest first). */
  ancestors(kind: TaxonomyKind, code: string): TaxonomyTerm[] {
    const result: TaxonomyTerm[] = [];
    for (let term = this.parentOf(kind, code); term; term = this.parentOf(kind, term.code)) result.push(term);
    return result;
  }

  /** All terms below `code`, in tree order (not including the term itself). */
  descendants(kind: TaxonomyKind, code: string): TaxonomyTerm[] {
    const { children } = this.index(kind);
    const result: TaxonomyTerm[] = [];
    const visit = (parent: string): void => {
      for (const child of children.get(parent) ?? []) {
        result.push(child);
        visit(child.code);
      }
    };
    visit(code);
    return result;
  }

  /** Number of ancestors: 0 for a top-level term. */
  depth(kind: TaxonomyKind, code: string): number {
    return this.ancestors(kind, code).length;
  }

  /**
   * All surface forms of a term (labels and aliases in all languages, with and without diacritics),
   * lowercased and deduplicated; labels first. For Meilisearch synonyms and text extraction.
   */
  surfaceForms(kind: TaxonomyKind, code: string): string[] {
    const term = this.find(kind, code);
    if (!term) return [];
    const forms = new Set<string>();
    for (const text of textsOf(term)) {
      const lower = lowerForm(text);
      forms.add(lower);
      forms.add(foldDiacritics(lower));
    }
    return [...forms];
  }

  /**
   * Terms of `kind` (or of all kinds) with a label or alias matching `text`, ignoring case, diacritics and
   * punctuation. Exact matches first (those with the same diacritics before the others), then prefix
   * matches, then substring matches; ties by code (then kind). Blank text matches nothing.
   */
  search(text: string, kind?: TaxonomyKind, limit = Number.POSITIVE_INFINITY): TaxonomyTerm[] {
    const query = matchKey(text);
    if (!query.folded || limit <= 0) return [];
    const hits: { term: TaxonomyTerm; rank: number; kindOrder: number }[] = [];
    for (const k of kind ? [kind] : TAXONOMY_KINDS) {
      const { ordered, matchKeys } = this.index(k);
      for (const term of ordered) {
        const ranks = matchKeys.get(term.code)!.map((form) => matchRank(form, query) ?? Number.POSITIVE_INFINITY);
        const rank = Math.min(...ranks);
        if (rank !== Number.POSITIVE_INFINITY) hits.push({ term, rank, kindOrder: TAXONOMY_KINDS.indexOf(k) });
      }
    }
    hits.sort((a, b) => a.rank - b.rank || compareCodes(a.term.code, b.term.code) || a.kindOrder - b.kindOrder);
    return hits.slice(0, limit).map((hit) => hit.term);
  }

  private index(kind: TaxonomyKind): KindIndex {
    const index = this.kinds.get(kind);
    if (!index) throw new TypeError(`Unknown taxonomy kind ${String(kind)}`);
    return index;
  }
}

function buildIndex(terms: TaxonomyTerm[]): KindIndex {
  const byCode = new Map(terms.map((t) => [t.code, t]));
  const children = new Map<string | null, TaxonomyTerm[]>();
  for (const term of [...terms].sort((a, b) => compareCodes(a.code, b.code))) {
    const siblings = children.get(term.parent) ?? [];
    siblings.push(term);
    children.set(term.parent, siblings);
  }
  const ordered: TaxonomyTerm[] = [];
  const visit = (parent: string | null): void => {
    for (const child of children.get(parent) ?? []) {
      ordered.push(child);
      visit(child.code);
    }
  };
  visit(null);
  const matchKeys = new Map(terms.map((t) => [t.code, textsOf(t).map(matchKey)]));
  return { ordered, byCode, children, matchKeys };
}

/** Labels, then aliases, each in vi, en, ja, ko order. */
function textsOf(term: TaxonomyTerm): string[] {
  const labels = TERM_LANGUAGES.flatMap((lang) => term.labels[lang] ?? []);
  const aliases = TERM_LANGUAGES.flatMap((lang) => term.aliases[lang] ?? []);
  return [...labels, ...aliases];
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readDataFiles(): TaxonomyDataFile[] {
  return TAXONOMY_DATA_FILES.map((name) => {
    const url = new URL(`../data/${name}.json`, import.meta.url);
    try {
      return JSON.parse(readFileSync(url, 'utf8')) as TaxonomyDataFile;
    } catch (error) {
      throw new TaxonomyDataError([`${fileURLToPath(url)}: cannot be read as JSON (${(error as Error).message})`]);
    }
  });
}
