import { TAXONOMY_KINDS, TaxonomyKind } from './taxonomy-kind.js';
import { TERM_LANGUAGES, type TaxonomyDataFile, type TaxonomyTerm, type TermLanguage } from './taxonomy-term.js';

/** The taxonomy data is unusable; `problems` lists every defect found, one line each. */
export class TaxonomyDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid taxonomy data (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
    this.name = 'TaxonomyDataError';
  }
}

const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;
const TERM_KEYS = new Set([
  'code',
  'parent',
  'labels',
  'aliases',
  'description',
  'madeBy',
  'stockBoughtPerOrder',
  'geo',
  'coordQuality',
  'oldDistrict',
  'ward',
]);
const ZONE_TEXT_KEYS = ['coordQuality', 'oldDistrict', 'ward'] as const;

/** Languages every term of a kind must be labelled in; processes are the core vocabulary, so all four. */
const REQUIRED_LABELS: Record<TaxonomyKind, readonly TermLanguage[]> = {
  [TaxonomyKind.PROCESS]: TERM_LANGUAGES,
  [TaxonomyKind.MATERIAL]: ['vi', 'en'],
  [TaxonomyKind.PRODUCT_GROUP]: ['vi', 'en'],
  [TaxonomyKind.CERTIFICATION]: ['vi', 'en'],
  [TaxonomyKind.SECTOR]: ['vi', 'en'],
  [TaxonomyKind.ZONE]: ['vi', 'en'],
};

/**
 * Checks data files and returns their terms (fresh, frozen copies tagged with their kind).
 * Throws one `TaxonomyDataError` listing every problem: unknown or repeated kinds, differing versions,
 * malformed or duplicate codes, missing labels, malformed aliases or coordinates, missing parents, cycles.
 */
export function validateTaxonomyData(files: readonly TaxonomyDataFile[]): { version: string; terms: TaxonomyTerm[] } {
  const problems: string[] = [];
  const versions = new Set<string>();
  const seenKinds = new Set<TaxonomyKind>();
  const terms: TaxonomyTerm[] = [];

  files.forEach((file, index) => {
    const kind = file?.kind;
    if (!TAXONOMY_KINDS.includes(kind)) {
      problems.push(`file ${index}: unknown kind ${JSON.stringify(kind)}`);
      return;
    }
    if (seenKinds.has(kind)) problems.push(`${kind}: more than one data file`);
    seenKinds.add(kind);
    if (typeof file.version === 'string' && file.version.trim()) versions.add(file.version);
    else problems.push(`${kind}: missing version`);
    if (!Array.isArray(file.terms)) {
      problems.push(`${kind}: terms must be an array`);
      return;
    }
    const codes = new Set<string>();
    file.terms.forEach((raw, position) => {
      const term = checkTerm(kind, raw, `${kind} terms[${position}]`, problems);
      if (!term) return;
      if (codes.has(term.code)) problems.push(`${kind} ${term.code}: duplicate code`);
      codes.add(term.code);
      terms.push(term);
    });
  });
  if (versions.size > 1) problems.push(`data files disagree on the version: ${[...versions].join(', ')}`);

  for (const kind of seenKinds)
    checkTree(
      kind,
      terms.filter((t) => t.kind === kind),
      problems,
    );
  checkCodeLists(terms, problems);
  if (problems.length > 0) throw new TaxonomyDataError(problems);
  return { version: [...versions][0] ?? '', terms };
}

function checkTerm(kind: TaxonomyKind, raw: unknown, where: string, problems: string[]): TaxonomyTerm | undefined {
  if (!isRecord(raw)) {
    problems.push(`${where}: not an object`);
    return undefined;
  }
  if (typeof raw.code !== 'string' || !CODE_PATTERN.test(raw.code)) {
    problems.push(`${where}: code ${JSON.stringify(raw.code)} must be UPPER_SNAKE_CASE`);
    return undefined;
  }
  const at = `${kind} ${raw.code}`;
  const before = problems.length;
  for (const key of Object.keys(raw)) if (!TERM_KEYS.has(key)) problems.push(`${at}: unknown property "${key}"`);
  if (raw.parent !== null && (typeof raw.parent !== 'string' || raw.parent === '')) {
    problems.push(`${at}: parent must be a code or null`);
  }

  const labels = isRecord(raw.labels) ? raw.labels : {};
  for (const lang of REQUIRED_LABELS[kind]) if (!isText(labels[lang])) problems.push(`${at}: missing ${lang} label`);
  for (const [lang, label] of Object.entries(labels)) {
    if (!isTermLanguage(lang)) problems.push(`${at}: label in unknown language "${lang}"`);
    else if (!isText(label)) problems.push(`${at}: ${lang} label must be a non-empty string`);
  }

  const aliases = raw.aliases ?? {};
  if (!isRecord(aliases)) problems.push(`${at}: aliases must be an object of string lists`);
  else {
    for (const [lang, list] of Object.entries(aliases)) {
      if (!isTermLanguage(lang)) problems.push(`${at}: aliases in unknown language "${lang}"`);
      else if (!Array.isArray(list) || !list.every(isText)) problems.push(`${at}: ${lang} aliases must be non-empty strings`);
    }
  }

  if (raw.description !== undefined) {
    const d = raw.description;
    if (!isRecord(d) || !Object.entries(d).every(([lang, text]) => (lang === 'vi' || lang === 'en') && isText(text))) {
      problems.push(`${at}: description must have non-empty vi/en texts only`);
    }
  }
  if (raw.geo !== undefined && raw.geo !== null) {
    const geo = raw.geo;
    const valid = isRecord(geo) && isNumberIn(geo.lat, -90, 90) && isNumberIn(geo.lng, -180, 180);
    if (!valid) problems.push(`${at}: geo must be {lat, lng} in degrees`);
  }
  for (const list of CODE_LISTS) {
    const value = raw[list.field];
    if (value === undefined) continue;
    if (kind !== list.on) problems.push(`${at}: ${list.field} is for ${list.onNoun} only`);
    else if (!Array.isArray(value) || value.length === 0 || !value.every((c) => typeof c === 'string' && CODE_PATTERN.test(c)))
      problems.push(`${at}: ${list.field} must be a non-empty list of ${list.ofNoun} codes`);
  }
  for (const key of ZONE_TEXT_KEYS)
    if (raw[key] !== undefined && !isText(raw[key])) problems.push(`${at}: ${key} must be a non-empty string`);

  if (problems.length > before) return undefined;
  return deepFreeze({ ...structuredClone(raw), kind } as unknown as TaxonomyTerm);
}

/**
 * Lists of another kind's codes a term may carry: the processes a product group is made by, the material
 * families a process's shops buy per order.
 */
const CODE_LISTS = [
  { field: 'madeBy', on: TaxonomyKind.PRODUCT_GROUP, onNoun: 'product groups', of: TaxonomyKind.PROCESS, ofNoun: 'process' },
  { field: 'stockBoughtPerOrder', on: TaxonomyKind.PROCESS, onNoun: 'processes', of: TaxonomyKind.MATERIAL, ofNoun: 'material' },
] as const;

/** Every code such a list names exists in its kind (when that kind's file is part of the data). */
function checkCodeLists(terms: TaxonomyTerm[], problems: string[]): void {
  for (const list of CODE_LISTS) {
    const known = new Set(terms.filter((t) => t.kind === list.of).map((t) => t.code));
    if (!known.size) continue;
    for (const term of terms)
      for (const code of term[list.field] ?? [])
        if (!known.has(code)) problems.push(`${term.kind} ${term.code}: ${list.field} ${list.ofNoun} ${code} does not exist`);
  }
}

/** Every parent exists in the same kind, and following parents always ends at a root. */
function checkTree(kind: TaxonomyKind, terms: TaxonomyTerm[], problems: string[]): void {
  const parentOf = new Map(terms.map((t) => [t.code, t.parent]));
  for (const term of terms) {
    if (term.parent !== null && !parentOf.has(term.parent)) problems.push(`${kind} ${term.code}: parent ${term.parent} does not exist`);
  }
  const reported = new Set<string>();
  for (const term of terms) {
    const path = [term.code];
    for (let code = parentOf.get(term.code); code != null; code = parentOf.get(code)) {
      if (code === term.code) {
        const key = [...path].sort().join();
        if (!reported.has(key)) problems.push(`${kind} ${term.code}: parents form a cycle (${[...path, code].join(' → ')})`);
        reported.add(key);
        break;
      }
      if (path.includes(code)) break; // a cycle further up; reported from one of its members
      path.push(code);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isNumberIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

function isTermLanguage(value: string): value is TermLanguage {
  return (TERM_LANGUAGES as readonly string[]).includes(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
