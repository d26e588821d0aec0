import { foldDiacritics } from '#libs/core';
import type { Taxonomy } from './taxonomy.js';
import { TAXONOMY_KINDS, TaxonomyKind } from './taxonomy-kind.js';
import { TERM_LANGUAGES, type TaxonomyTerm } from './taxonomy-term.js';

/** One taxonomy term found in a free-text description, with the words that named it. */
export interface CapabilityMention {
  kind: TaxonomyKind;
  code: string;
  /** The substrings of the original text that matched, as written: each distinct one once, in order of appearance. */
  matched: string[];
}

/** The kinds capability extraction looks for (zones and sectors are not capabilities), in output order for ties. */
export const CAPABILITY_KINDS: readonly TaxonomyKind[] = TAXONOMY_KINDS.filter(
  (kind) =>
    kind === TaxonomyKind.PROCESS ||
    kind === TaxonomyKind.MATERIAL ||
    kind === TaxonomyKind.PRODUCT_GROUP ||
    kind === TaxonomyKind.CERTIFICATION,
);

/**
 * The capabilities (processes, materials, product groups, certifications) a free-text description of a part
 * or a shop mentions, in Vietnamese (with or without diacritics), English, Japanese or Korean.
 *
 * Every label and alias of every term is a surface form, plus each label/alias with its parenthesised part
 * removed ("E-coating (electrodeposition)" → "E-coating"). Comparison folds case, width (NFKC), punctuation
 * and Vietnamese diacritics; diacritics only have to agree when both the text and the form carry them
 * ("tủ điện" is not "tụ điện", but "tu dien" may be either). Latin-script forms match whole words (spaces
 * between words may be missing: "IATF16949" = "IATF 16949"); forms with Japanese/Korean characters match
 * as substrings, ignoring spaces. Forms of at most 3 characters (and all-capital acronyms of 4–5 letters
 * such as REACH or HIPS) must be written in capitals in the text ("PC" yes, "pcs" or "pc" no). Overlapping
 * matches: the longest wins, so "khuôn dập liên hoàn" is one progressive-die mention.
 *
 * Results are ordered by first appearance, one per term; the index is built once per `Taxonomy` instance.
 */
export function extractCapabilities(taxonomy: Taxonomy, text: string): CapabilityMention[] {
  return toMentions(text, findTermSpans(taxonomy, text, CAPABILITY_KINDS));
}

/** One term named in a text, at a span of it (UTF-16 offsets, end exclusive). */
export interface TermSpan {
  kind: TaxonomyKind;
  code: string;
  start: number;
  end: number;
}

/**
 * Every place in `text` where a label or alias of a term of `kinds` is written, by the rules of
 * extractCapabilities (longest match wins), in no particular order. The index of each set of kinds is built
 * once per `Taxonomy` instance.
 */
export function findTermSpans(taxonomy: Taxonomy, text: string, kinds: readonly TaxonomyKind[]): TermSpan[] {
  if (!text) return [];
  const index = indexOf(taxonomy, kinds);
  const analysis = analyse(text);
  const candidates: Candidate[] = [];
  collectLatin(index, analysis, candidates);
  collectCjk(index, analysis, candidates);
  return select(text.length, candidates);
}

// ---------------------------------------------------------------------------------------------------------
// Text analysis: clusters → folded characters → Latin-script tokens, plus a compact stream for CJK forms.
// ---------------------------------------------------------------------------------------------------------

/** What separates a token from the previous one (the strongest separator between them wins). */
const Gap = {
  /** Start of text. */
  START: 0,
  /** Spaces, hyphens, slashes, plus signs...: words of one phrase. */
  SOFT: 1,
  /** Sentence or list punctuation, brackets, line breaks: a form may only span it if the form has one there too. */
  HARD: 2,
  /** Japanese/Korean characters: never spanned by a Latin-script form. */
  BLOCK: 3,
} as const;
type Gap = (typeof Gap)[keyof typeof Gap];

const WORD = /^[\p{L}\p{N}]$/u;
const CJK = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]$/u;
const MARK = /^\p{M}$/u;
const HARD_PUNCTUATION = /^[\n\r\v\f\u0085\u2028\u2029,;:.!?()[\]{}<>"“”„«»|…、。，；：！？（）［］｛｝「」『』【】〈〉《》〔〕]$/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
/** Vietnamese tone marks (grave, acute, tilde, hook above, dot below); other marks (circumflex, breve, horn) change the letter. */
const TONE_MARKS = new Set([0x300, 0x301, 0x303, 0x309, 0x323]);
/** Stands for a hard gap in the compact stream; never part of a text after analysis. */
const BARRIER = '\u0000';

type CharClass = 'l' | 'c' | 's' | 'h';

/** How one grapheme-ish cluster (a character and its combining marks) reads. */
interface ClusterInfo {
  /** Folded characters (NFKC, lowercase, no diacritics) with their classes: Latin word, CJK word, soft or hard separator. */
  chars: string[];
  classes: CharClass[];
  /** Latin letters and digits, lowercase, decomposed, with the letter-changing marks and without tone marks; đ as d. */
  toneless: string;
  tones: string;
  /** Carries any combining diacritic. */
  marks: boolean;
  lower: boolean;
  upper: boolean;
}

interface Token {
  /** UTF-16 offsets in the analysed text. */
  start: number;
  end: number;
  folded: string;
  toneless: string;
  /** Tone marks, sorted (their position in the syllable varies: "hoá" = "hóa"). */
  tones: string;
  marks: boolean;
  lower: boolean;
  upper: boolean;
  gap: Gap;
}

interface Analysis {
  text: string;
  /** Maximal runs of Latin-script letters and digits. */
  tokens: Token[];
  /** Folded letters and digits of all scripts without soft separators; hard gaps as BARRIER. */
  compact: string;
  /** Per UTF-16 unit of `compact`: the span of the text it comes from. */
  cStart: number[];
  cEnd: number[];
  /** Per unit of `compact`: a Latin-script character that begins / ends a word. */
  cWordStart: Uint8Array;
  cWordEnd: Uint8Array;
  hasCjk: boolean;
}

const clusterCache = new Map<string, ClusterInfo>();
const CLUSTER_CACHE_LIMIT = 50_000;

function clusterInfo(raw: string): ClusterInfo {
  const cached = clusterCache.get(raw);
  if (cached) return cached;
  const nfkc = raw.normalize('NFKC');
  const lowered = nfkc.toLowerCase();
  const chars: string[] = [];
  const classes: CharClass[] = [];
  for (const ch of foldDiacritics(lowered)) {
    if (WORD.test(ch)) {
      chars.push(ch);
      classes.push(CJK.test(ch) ? 'c' : 'l');
    } else if (!MARK.test(ch)) {
      chars.push(ch);
      classes.push(HARD_PUNCTUATION.test(ch) ? 'h' : 's');
    }
  }
  let toneless = '';
  let tones = '';
  let marks = false;
  for (const ch of lowered.normalize('NFD')) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp <= 0x36f) {
      marks = true;
      if (TONE_MARKS.has(cp)) tones += ch;
      else toneless += ch;
    } else if (WORD.test(ch) && !CJK.test(ch)) {
      toneless += ch === 'đ' ? 'd' : ch;
    }
  }
  const info: ClusterInfo = { chars, classes, toneless, tones, marks, lower: LOWER.test(nfkc), upper: UPPER.test(nfkc) };
  if (clusterCache.size >= CLUSTER_CACHE_LIMIT) clusterCache.clear();
  clusterCache.set(raw, info);
  return info;
}

const ASCII_CLUSTERS: readonly ClusterInfo[] = Array.from({ length: 0x80 }, (_, cp) => clusterInfo(String.fromCharCode(cp)));

/** Code points that belong to the cluster before them: combining marks, half-width kana voicing marks, Hangul medial/final jamo. */
function attaches(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp <= 0x36f) return true;
  if (cp === 0xff9e || cp === 0xff9f || (cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return true;
  return MARK.test(String.fromCodePoint(cp));
}

function analyse(text: string): Analysis {
  const tokens: Token[] = [];
  let compact = '';
  const cStart: number[] = [];
  const cEnd: number[] = [];
  const wordStart: number[] = [];
  const wordEnd: number[] = [];
  let hasCjk = false;
  let current: Token | undefined;
  let gap: Gap = Gap.START;
  let previous: CharClass | undefined;
  let lastLatin = -1;

  const emit = (ch: string, start: number, end: number): void => {
    for (let k = 0; k < ch.length; k++) {
      cStart.push(start);
      cEnd.push(end);
    }
    compact += ch;
  };

  let i = 0;
  while (i < text.length) {
    const start = i;
    const first = text.charCodeAt(i);
    i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      if (!attaches(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    const info = first < 0x80 && i === start + 1 ? ASCII_CLUSTERS[first] : clusterInfo(text.slice(start, i));
    let signed: Token | undefined;
    for (let k = 0; k < info.chars.length; k++) {
      const ch = info.chars[k];
      const cls = info.classes[k];
      if (cls === 'l') {
        if (!current) {
          current = { start, end: i, folded: '', toneless: '', tones: '', marks: false, lower: false, upper: false, gap };
          tokens.push(current);
          gap = Gap.START;
        }
        current.folded += ch;
        current.end = i;
        signed ??= current;
        if (previous !== 'l') wordStart.push(compact.length);
        lastLatin = compact.length;
        emit(ch, start, i);
      } else {
        if (previous === 'l') wordEnd.push(lastLatin);
        current = undefined;
        if (cls === 'c') {
          hasCjk = true;
          emit(ch, start, i);
        } else if (cls === 'h' && compact && !compact.endsWith(BARRIER)) {
          emit(BARRIER, start, i);
        }
        gap = Math.max(gap, cls === 'c' ? Gap.BLOCK : cls === 'h' ? Gap.HARD : Gap.SOFT) as Gap;
      }
      previous = cls;
    }
    if (signed) {
      signed.toneless += info.toneless;
      signed.tones += info.tones;
      signed.marks ||= info.marks;
      signed.lower ||= info.lower;
      signed.upper ||= info.upper;
    }
  }
  if (previous === 'l') wordEnd.push(lastLatin);
  for (const token of tokens) token.tones = [...token.tones].sort().join('');

  const cWordStart = new Uint8Array(compact.length);
  const cWordEnd = new Uint8Array(compact.length);
  for (const p of wordStart) cWordStart[p] = 1;
  for (const p of wordEnd) cWordEnd[p] = 1;
  return { text, tokens, compact, cStart, cEnd, cWordStart, cWordEnd, hasCjk };
}

// ---------------------------------------------------------------------------------------------------------
// The index: built once per Taxonomy instance.
// ---------------------------------------------------------------------------------------------------------

interface Term {
  kind: TaxonomyKind;
  code: string;
}

interface FormToken {
  folded: string;
  toneless: string;
  tones: string;
  marks: boolean;
}

/** A Latin-script form, looked up by the concatenation of its folded tokens. */
interface LatinForm extends Term {
  tokens: FormToken[];
  /** `hardGaps[k]`: the form has punctuation between its tokens k-1 and k ("Khoan, taro"). */
  hardGaps: boolean[];
  /** At most 3 characters: must meet the text token for token, not across missing spaces. */
  short: boolean;
  /** An all-capital acronym of at most 5 letters (or any short form): the text must write it in capitals. */
  capitals: boolean;
  /** Two of its tokens meet digit to digit ("1.2379"): only matches word for word, never as "12379". */
  digitJoin: boolean;
  /** For comparisons across different word splits. */
  toneless: string;
  tones: string;
  marks: boolean;
  derived: boolean;
}

/** A form with Japanese or Korean characters, matched as a substring of the compact stream. */
interface CjkForm extends Term {
  compact: string;
  /** The form begins / ends with a Latin letter or digit, which must then begin / end a word of the text. */
  wordStart: boolean;
  wordEnd: boolean;
  derived: boolean;
}

interface CapabilityIndex {
  latin: Map<string, LatinForm[]>;
  /** Every prefix of every key of `latin`, to stop extending a phrase early. */
  latinPrefixes: Set<string>;
  /** CJK forms by their first UTF-16 unit, longest first. */
  cjk: Map<string, CjkForm[]>;
}

const indexes = new WeakMap<Taxonomy, Map<string, CapabilityIndex>>();

function indexOf(taxonomy: Taxonomy, kinds: readonly TaxonomyKind[]): CapabilityIndex {
  let byKinds = indexes.get(taxonomy);
  if (!byKinds) {
    byKinds = new Map();
    indexes.set(taxonomy, byKinds);
  }
  const key = kinds.join(',');
  let index = byKinds.get(key);
  if (!index) {
    index = buildIndex(taxonomy, kinds);
    byKinds.set(key, index);
  }
  return index;
}

const MIN_FORM_LENGTH = 2;
const SHORT_FORM_LENGTH = 3;
const CAPITAL_ACRONYM = /^[a-z]{4,5}$/;

function buildIndex(taxonomy: Taxonomy, kinds: readonly TaxonomyKind[]): CapabilityIndex {
  const latin = new Map<string, LatinForm[]>();
  const cjk = new Map<string, CjkForm[]>();
  const seen = new Set<string>();
  for (const kind of kinds) {
    for (const term of taxonomy.list(kind)) {
      for (const { text, derived } of formsOf(term)) {
        const a = analyse(text);
        if (a.hasCjk) {
          const compact = trimBarriers(a.compact);
          if ([...compact.replaceAll(BARRIER, '')].length < MIN_FORM_LENGTH) continue;
          const dedupe = `c|${kind}|${term.code}|${compact}`;
          if (seen.has(dedupe)) continue;
          seen.add(dedupe);
          const first = a.compact.indexOf(compact);
          const last = first + compact.length - 1;
          const form: CjkForm = {
            kind,
            code: term.code,
            compact,
            wordStart: a.cWordStart[first] === 1,
            wordEnd: a.cWordEnd[last] === 1,
            derived,
          };
          push(cjk, compact[0], form);
        } else {
          const form = latinForm(kind, term.code, a, derived);
          if (!form) continue;
          const key = form.tokens.map((t) => t.folded).join('');
          const dedupe = `l|${kind}|${term.code}|${form.tokens.map((t) => `${t.toneless}${t.tones}`).join(' ')}|${form.hardGaps.join()}|${form.capitals}`;
          if (seen.has(dedupe)) continue;
          seen.add(dedupe);
          push(latin, key, form);
        }
      }
    }
  }
  for (const [key, forms] of latin)
    latin.set(
      key,
      resolveConflicts(forms, () => key),
    );
  for (const [key, forms] of cjk)
    cjk.set(
      key,
      resolveConflicts(forms, (f) => f.compact).sort((a, b) => b.compact.length - a.compact.length),
    );
  const latinPrefixes = new Set<string>();
  for (const key of latin.keys()) for (let n = 1; n <= key.length; n++) latinPrefixes.add(key.slice(0, n));
  return { latin, latinPrefixes, cjk };
}

/**
 * What a Japanese or Korean writer leaves off an industrial zone's name ("VSIPハイフォン" for
 * "VSIPハイフォン工業団地", "노무라 하이퐁" for "노무라 하이퐁 산업단지"). The shorter name is kept only when
 * it has at least ZONE_SHORT_NAME_LENGTH characters: two-syllable Korean names are common words ("도선",
 * Do Son, is also a conductor wire).
 */
const ZONE_DESIGNATION = /\s*(?:工業団地|工業区|工場群|산업단지|단지)$/u;
const ZONE_SHORT_NAME_LENGTH = 3;

/**
 * Labels and aliases in every language, then the same without a parenthesised part, and for an
 * industrial zone its Japanese and Korean names without the word for "industrial park".
 */
function formsOf(term: TaxonomyTerm): { text: string; derived: boolean }[] {
  const texts = [...TERM_LANGUAGES.flatMap((l) => term.labels[l] ?? []), ...TERM_LANGUAGES.flatMap((l) => term.aliases[l] ?? [])];
  const forms = texts.map((text) => ({ text, derived: false }));
  for (const text of texts) {
    const stripped = text.replace(/\s*[(（][^()（）]*[)）]\s*/gu, ' ').trim();
    if (stripped && stripped !== text.trim()) forms.push({ text: stripped, derived: true });
    if (term.kind !== TaxonomyKind.ZONE) continue;
    const short = stripped.replace(ZONE_DESIGNATION, '').trim();
    if (
      short !== stripped &&
      [...short.replace(/[\s\p{P}]/gu, '')].length >= ZONE_SHORT_NAME_LENGTH &&
      !forms.some((f) => f.text === short)
    )
      forms.push({ text: short, derived: true });
  }
  return forms;
}

function latinForm(kind: TaxonomyKind, code: string, a: Analysis, derived: boolean): LatinForm | undefined {
  const { tokens } = a;
  const key = tokens.map((t) => t.folded).join('');
  if (key.length < MIN_FORM_LENGTH) return undefined;
  const allCapitals = tokens.some((t) => t.upper) && !tokens.some((t) => t.lower);
  const short = key.length <= SHORT_FORM_LENGTH;
  // A short form is only usable as an acronym written in capitals ("PC", "ABS", "UL"); "hàn", "jig" are too ambiguous.
  if (short && !allCapitals) return undefined;
  const capitals = short || (allCapitals && tokens.length === 1 && CAPITAL_ACRONYM.test(key));
  return {
    kind,
    code,
    tokens: tokens.map(({ folded, toneless, tones, marks }) => ({ folded, toneless, tones, marks })),
    hardGaps: tokens.map((t) => t.gap === Gap.HARD),
    short,
    capitals,
    digitJoin: tokens.some((t, k) => k > 0 && joinsDigits(tokens[k - 1], t)),
    toneless: tokens.map((t) => t.toneless).join(''),
    tones: sortedTones(tokens),
    marks: tokens.some((t) => t.marks),
    derived,
  };
}

/**
 * Forms of one kind sharing a key belong to one term (the data guarantees it for labels and aliases). A form
 * derived by dropping a parenthesis gives way to a real label or alias of another term, and is dropped when
 * it would name two terms.
 */
function resolveConflicts<F extends Term & { derived: boolean }>(forms: F[], keyOf: (form: F) => string): F[] {
  const groups = new Map<string, F[]>();
  for (const form of forms) push(groups, `${form.kind}|${keyOf(form)}`, form);
  const result: F[] = [];
  for (const group of groups.values()) {
    const explicitCodes = new Set(group.filter((f) => !f.derived).map((f) => f.code));
    const derivedCodes = new Set(group.filter((f) => f.derived).map((f) => f.code));
    const keep = (f: F): boolean => !f.derived || (explicitCodes.size ? explicitCodes.has(f.code) : derivedCodes.size === 1);
    result.push(...group.filter(keep));
  }
  return result;
}

function trimBarriers(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === BARRIER) start++;
  while (end > start && text[end - 1] === BARRIER) end--;
  return text.slice(start, end);
}

function sortedTones(tokens: readonly { tones: string }[]): string {
  return [...tokens.map((t) => t.tones).join('')].sort().join('');
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------------------------
// Matching.
// ---------------------------------------------------------------------------------------------------------

interface Candidate extends Term {
  start: number;
  end: number;
}

function collectLatin(index: CapabilityIndex, { text, tokens }: Analysis, out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    for (let j = i; j < tokens.length; j++) {
      if (j > i && tokens[j].gap === Gap.BLOCK) break;
      key += tokens[j].folded;
      if (!index.latinPrefixes.has(key)) break;
      const forms = index.latin.get(key);
      if (!forms) continue;
      for (const form of forms) {
        if (latinMatches(tokens, i, j, form))
          out.push({ kind: form.kind, code: form.code, start: tokens[i].start, end: closeBracket(text, tokens[i].start, tokens[j].end) });
      }
    }
  }
}

function latinMatches(tokens: readonly Token[], i: number, j: number, form: LatinForm): boolean {
  const count = j - i + 1;
  const aligned = count === form.tokens.length && form.tokens.every((t, k) => t.folded === tokens[i + k].folded);
  if (!aligned && (form.short || form.digitJoin)) return false;
  if (form.capitals) {
    for (let k = i; k <= j; k++) if (tokens[k].lower) return false;
  }
  for (let k = 1; k < count; k++) {
    const gap = tokens[i + k].gap;
    if (gap === Gap.SOFT) continue;
    if (!(aligned && gap === Gap.HARD && form.hardGaps[k])) return false;
  }
  if (aligned) {
    return form.tokens.every((f, k) => {
      const t = tokens[i + k];
      return !(t.marks && f.marks) || (t.toneless === f.toneless && t.tones === f.tones);
    });
  }
  const span = tokens.slice(i, j + 1);
  if (span.some((t, k) => k > 0 && joinsDigits(span[k - 1], t))) return false;
  if (!form.marks || !span.some((t) => t.marks)) return true;
  return span.map((t) => t.toneless).join('') === form.toneless && sortedTones(span) === form.tones;
}

/** Joining the two tokens would glue two numbers together. */
function joinsDigits(left: { folded: string }, right: { folded: string }): boolean {
  return isDigit(left.folded.charCodeAt(left.folded.length - 1)) && isDigit(right.folded.charCodeAt(0));
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function collectCjk(index: CapabilityIndex, a: Analysis, out: Candidate[]): void {
  const { compact } = a;
  if (!index.cjk.size) return;
  for (let p = 0; p < compact.length; p++) {
    const forms = index.cjk.get(compact[p]);
    if (!forms) continue;
    for (const form of forms) {
      if (form.wordStart && a.cWordStart[p] !== 1) continue;
      if (!compact.startsWith(form.compact, p)) continue;
      const last = p + form.compact.length - 1;
      if (form.wordEnd && a.cWordEnd[last] !== 1) continue;
      out.push({ kind: form.kind, code: form.code, start: a.cStart[p], end: closeBracket(a.text, a.cStart[p], a.cEnd[last]) });
    }
  }
}

const CLOSING: Record<string, string> = { '(': ')', '（': '）', '[': ']', '［': '］' };

/** A match that opened a bracket ("machining (EDM") takes the closing bracket right after it. */
function closeBracket(text: string, start: number, end: number): number {
  const close = text[end];
  if (close === undefined) return end;
  let depth = 0;
  for (let k = start; k < end; k++) {
    const ch = text[k];
    if (CLOSING[ch] === close) depth++;
    else if (ch === close) depth--;
  }
  return depth > 0 ? end + 1 : end;
}

/**
 * Longest candidates first (then leftmost); a candidate overlapping a kept one is dropped unless it
 * has exactly the same span. Processes, materials and certifications compete with each other first.
 * Product groups (the part) then compete among themselves and are dropped only when they lie inside a
 * kept term ("lò xo" in "thép lò xo" is the material, not springs): a part and what it is made of or
 * how may share words ("自動車用ワイヤーハーネス" names the automotive wire-harness product group and,
 * inside it, the wire-harness process; "vỏ hộp nhựa ABS" the plastic-parts group and ABS).
 */
function select(length: number, candidates: Candidate[]): Candidate[] {
  const isGroup = (c: Candidate) => c.kind === TaxonomyKind.PRODUCT_GROUP;
  const terms = selectInto(
    new Uint8Array(length),
    new Set<string>(),
    candidates.filter((c) => !isGroup(c)),
  );
  const inside = (c: Candidate) => terms.some((t) => t.start <= c.start && c.end <= t.end && (t.start !== c.start || t.end !== c.end));
  return [
    ...terms,
    ...selectInto(
      new Uint8Array(length),
      new Set<string>(),
      candidates.filter((c) => isGroup(c) && !inside(c)),
    ),
  ];
}

function selectInto(taken: Uint8Array, spans: Set<string>, candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  const done = new Set<string>();
  for (const c of candidates) {
    const span = `${c.start}:${c.end}`;
    const id = `${span}:${c.kind}:${c.code}`;
    if (done.has(id)) continue;
    if (!spans.has(span)) {
      let free = true;
      for (let k = c.start; k < c.end && free; k++) free = taken[k] === 0;
      if (!free) continue;
      taken.fill(1, c.start, c.end);
      spans.add(span);
    }
    done.add(id);
    kept.push(c);
  }
  return kept;
}

function toMentions(text: string, kept: Candidate[]): CapabilityMention[] {
  const kindOrder = (kind: TaxonomyKind): number => CAPABILITY_KINDS.indexOf(kind);
  kept.sort((a, b) => a.start - b.start || kindOrder(a.kind) - kindOrder(b.kind) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const mentions = new Map<string, CapabilityMention>();
  for (const c of kept) {
    const key = `${c.kind}:${c.code}`;
    const surface = text.slice(c.start, c.end);
    const mention = mentions.get(key);
    if (!mention) mentions.set(key, { kind: c.kind, code: c.code, matched: [surface] });
    else if (!mention.matched.includes(surface)) mention.matched.push(surface);
  }
  return [...mentions.values()];
}
