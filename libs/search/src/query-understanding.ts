import { foldDiacritics } from '#libs/core';
import { findTermSpans, type Taxonomy, TaxonomyKind, weakProcessMatches } from '#libs/taxonomy';

/** What searchSuppliers made of a free-text query. */
export interface QueryUnderstanding {
  /** The words sent to Meilisearch (undefined: none left). */
  q: string | undefined;
  /** Processes the query names (shown, and their words kept first in `q`). */
  processes: string[];
  /** Certifications the query names: filtered on (valid today), as if given in `certifications`. */
  certifications: string[];
  /** An industrial zone the query names: a location preference (nearest first among equally relevant hits). */
  zone: string | null;
  /**
   * When the query names parts (product groups that say how they are made, `madeBy`) and no process:
   * those processes, any one of them, filtered on as if given in `processesAnyOf`, and no word is
   * matched (a die caster's profile need not say "heat sinks"); `literal` searches the words instead.
   */
  partProcesses: string[];
  /**
   * How Meilisearch drops words when not all match. `last` (from the end) when the words naming a
   * capability were put first and other words follow: the first process named always stays, and hits
   * need not hold the query's rarest word ("injection mold maker", "SMT … conformal coating …
   * functional testing"); `frequency` (the most common first) otherwise, so that "CNC" outweighs "gia công".
   */
  matchingStrategy: 'last' | 'frequency';
}

/** Meilisearch reads at most this many words of a query. */
const MAX_QUERY_WORDS = 10;

/**
 * Words that carry no capability: request phrasing ("cần tìm", "looking for a supplier of"), quantities,
 * and the words around a certificate or a place ("có", "đạt", "certified", "gần", "near", "KCN").
 * Compared without diacritics, in lower case.
 */
const FILLER = new Set(
  [
    // vi
    'can',
    'tim',
    'xuong',
    'cong',
    'ty',
    'nha',
    'cung',
    'cap',
    'lam',
    'cho',
    'va',
    'cua',
    'cac',
    'nhung',
    'so',
    'luong',
    'khoang',
    'moi',
    'thang',
    'chiec',
    'cai',
    'co',
    'dat',
    'chung',
    'chi',
    'nhan',
    'gan',
    'tai',
    'o',
    'kcn',
    'khu',
    'nghiep',
    'yeu',
    'cau',
    'hang',
    'giao',
    'voi',
    'duoc',
    'mot',
    'la',
    'trong',
    'tu',
    'den',
    'nam',
    // en
    'looking',
    'for',
    'a',
    'an',
    'the',
    'we',
    'need',
    'needed',
    'supplier',
    'suppliers',
    'manufacturer',
    'contract',
    'of',
    'with',
    'and',
    'per',
    'month',
    'pcs',
    'around',
    'about',
    'our',
    'to',
    'in',
    'at',
    'near',
    'certified',
    'certificate',
    'certification',
    'compliant',
    'required',
    'industrial',
    'park',
    'zone',
    'on',
    'by',
    'from',
    'class',
    'mm',
    // ja / ko (as whole words)
    '取得',
    '認証',
    '対応',
    'サプライヤー',
    '인증',
    '필요',
    '협력업체',
    '산업단지',
  ].map((w) => foldDiacritics(w)),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}/-]*/gu;

/**
 * Reads a search query: certifications and an industrial zone named in it leave the words to match
 * and become a filter and a location preference; long queries keep the words that name a capability
 * (processes, materials, product groups first, then the other words that are not request phrasing),
 * so that Meilisearch's ten words are the ones that matter; a part named without a process ("heat
 * sinks") becomes the processes that make it (`partProcesses`). `literal` turns all of it off.
 */
export function understandQuery(taxonomy: Taxonomy, query: string | undefined, literal = false): QueryUnderstanding {
  const text = query?.trim();
  if (!text) return { q: undefined, processes: [], certifications: [], zone: null, partProcesses: [], matchingStrategy: 'frequency' };
  if (literal) return { q: text, processes: [], certifications: [], zone: null, partProcesses: [], matchingStrategy: 'frequency' };
  const spans = findTermSpans(taxonomy, text, [
    TaxonomyKind.PROCESS,
    TaxonomyKind.MATERIAL,
    TaxonomyKind.PRODUCT_GROUP,
    TaxonomyKind.CERTIFICATION,
    TaxonomyKind.ZONE,
  ]).sort((a, b) => a.start - b.start);
  const unique = (kind: TaxonomyKind) => [...new Set(spans.filter((s) => s.kind === kind).map((s) => s.code))];
  const certifications = unique(TaxonomyKind.CERTIFICATION);
  const zone = unique(TaxonomyKind.ZONE).find((code) => !!taxonomy.find(TaxonomyKind.ZONE, code)?.geo) ?? null;
  const named = unique(TaxonomyKind.PROCESS);
  const madeBy = (s: (typeof spans)[number]) =>
    s.kind === TaxonomyKind.PRODUCT_GROUP && !named.length ? (taxonomy.find(TaxonomyKind.PRODUCT_GROUP, s.code)?.madeBy ?? []) : [];
  const parts = spans.filter((s) => madeBy(s).length);
  const partProcesses = [...new Set(parts.flatMap(madeBy))];
  const removed = spans.filter((s) => s.kind === TaxonomyKind.CERTIFICATION || s.kind === TaxonomyKind.ZONE || parts.includes(s));
  // processes named in other words ("injection mold", "spot-weld") are capability words too, for the order only
  const weak = weakProcessMatches(taxonomy, text)
    .filter((w) => !spans.some((s) => s.start < w.end && w.start < s.end))
    .map((w) => ({ ...w, kind: TaxonomyKind.PROCESS }));
  const capability = [...spans.filter((s) => !removed.includes(s)), ...weak];
  const inside = (start: number, list: { start: number; end: number }[]) => list.some((s) => start >= s.start && start < s.end);
  const process = capability.filter((s) => s.kind === TaxonomyKind.PROCESS);
  // Capability words first (processes, also named in other words; materials; product groups), in the
  // order written; then the rest that is not filler, a number, a certificate or a place.
  const rank = (index: number) => (inside(index, process) ? 0 : inside(index, capability) ? 1 : 2);
  const words = [...text.matchAll(WORD)]
    .filter((m) => !inside(m.index, removed))
    .filter((m) => rank(m.index) < 2 || (!FILLER.has(foldDiacritics(m[0])) && !/^[\d.,/-]+$/.test(m[0])))
    .sort((a, b) => Math.min(rank(a.index), 1) - Math.min(rank(b.index), 1));
  const long = text.split(/\s+/).length > MAX_QUERY_WORDS / 2;
  // Short queries keep their own words (minus certificate and place), the process words first; long ones
  // only the capability words and those that are not request phrasing.
  const own = [...text.matchAll(WORD)]
    .filter((m) => !inside(m.index, removed) && !(removed.length && FILLER.has(foldDiacritics(m[0]))))
    .sort((a, b) => (rank(a.index) ? 1 : 0) - (rank(b.index) ? 1 : 0));
  // Meilisearch may drop words from the end when the query begins with a process and other words follow
  const order = long ? words.slice(0, MAX_QUERY_WORDS) : own;
  const kept = order.map((m) => m[0]);
  const fromTheEnd = order.length > 0 && rank(order[0].index) === 0 && order.some((m) => rank(m.index) > 0);
  // A part read as its processes: the filter selects, and no word is left to match (a moulder's profile need
  // not say "vỏ hộp" or "ABS" to make ABS enclosures; requiring the remaining words would drop most of them).
  return {
    q: partProcesses.length ? undefined : kept.join(' ') || undefined,
    processes: named,
    certifications,
    zone,
    partProcesses,
    matchingStrategy: fromTheEnd ? 'last' : 'frequency',
  };
}
