import { foldDiacritics } from '#libs/core';
import type { Taxonomy } from './taxonomy.js';
import { TaxonomyKind } from './taxonomy-kind.js';

/** A process named in other words: every informative word of one of its labels or aliases, near one another. */
export interface WeakProcessMatch {
  code: string;
  start: number;
  end: number;
  /** 0.5 when the words come in another order or with words between; 0.6 when only inflected. */
  confidence: number;
}

/**
 * Processes named in words the taxonomy does not list verbatim: "dập khuôn liên hoàn" (the label is
 * "dập liên hoàn"), "machined housings" ("machining"), "parts are stamped" ("stamping"). A general rule,
 * not a list: each Latin-script label and alias of a process is cut into words (Vietnamese without
 * diacritics, English reduced to a stem: -ing, -ed, -s, -er; mold = mould); words that name many
 * processes ("gia", "công", "processing") are not informative. A form matches when all its informative
 * words (at least two, or one when it is the form's only word and was inflected differently) appear
 * within one clause of the text, at most three words apart beyond the form's length, in any order.
 * Such a match is weak: matching uses it to rank (a soft criterion), never to filter.
 */
export function weakProcessMatches(taxonomy: Taxonomy, text: string): WeakProcessMatch[] {
  const index = indexOf(taxonomy);
  const words = tokens(text);
  const found = new Map<string, Candidate>();
  let clauseStart = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && !words[i].clauseStart) continue;
    matchClause(index, words.slice(clauseStart, i), found);
    clauseStart = i;
  }
  // Words read alike by two forms ("injection moulded": "injection moulding", "injection mould"): the
  // form written the same way wins, a participle for a participle, a noun for a noun.
  const best = new Map<string, number>();
  for (const c of found.values()) best.set(`${c.start}:${c.end}`, Math.max(best.get(`${c.start}:${c.end}`) ?? 0, c.agreement));
  const kept = [...found.values()].filter((c) => c.agreement === best.get(`${c.start}:${c.end}`));
  // A one-word match inside a longer one is that longer form's word, not a process of its own: "finished"
  // in "CNC finished" is CNC machining ("CNC finishing"), not surface finishing. Longer matches that
  // overlap are both kept ("phay tiện CNC" in "phay tiện CNC trục"): either may be meant.
  const oneWord = (c: Candidate) => !/\s/u.test(text.slice(c.start, c.end));
  const inside = (o: Candidate, c: Candidate) => o.start <= c.start && c.end <= o.end && o.end - o.start > c.end - c.start;
  return kept
    .filter((c) => !(oneWord(c) && kept.some((o) => inside(o, c))))
    .map(({ code, start, end, confidence }) => ({ code, start, end, confidence }))
    .sort((a, b) => a.start - b.start);
}

type Candidate = WeakProcessMatch & { agreement: number };

/** "-ing" and "-ed" words (a process or its participle) against bare ones (a noun: "mould", "die"). */
const verbal = (raw: string) => raw.length > 4 && /(?:ing|ed)$/.test(raw);

interface Word {
  start: number;
  end: number;
  raw: string;
  stem: string;
  /** Lowercase as written, diacritics kept; null when the word carries none. */
  marked: string | null;
  clauseStart: boolean;
}

interface Form {
  code: string;
  /** Informative stems, distinct. */
  stems: string[];
  /** All words of the form (its length, for the allowed spread), and their stems. */
  length: number;
  all: Set<string>;
  raw: string[];
  /** Per stem, the form's words as written with their diacritics (those that carry some). */
  marked: Map<string, Set<string>>;
}

interface ProcessIndex {
  byStem: Map<string, Form[]>;
}

const indexes = new WeakMap<Taxonomy, ProcessIndex>();

function indexOf(taxonomy: Taxonomy): ProcessIndex {
  let index = indexes.get(taxonomy);
  if (!index) {
    index = buildIndex(taxonomy);
    indexes.set(taxonomy, index);
  }
  return index;
}

/** A word in more process terms than this says little about which one is meant. */
const MAX_TERMS_PER_STEM = 6;
const EXTRA_SPREAD = 3;

function buildIndex(taxonomy: Taxonomy): ProcessIndex {
  const terms = taxonomy.list(TaxonomyKind.PROCESS);
  const formsByTerm = terms.map((term) => {
    const texts = [term.labels.vi, term.labels.en, ...(term.aliases.vi ?? []), ...(term.aliases.en ?? [])];
    return { code: term.code, forms: texts.map((t) => tokens(t.replace(/[(（][^)）]*[)）]/g, ' '))).filter((w) => w.length > 0) };
  });
  const termsOfStem = new Map<string, Set<string>>();
  for (const { code, forms } of formsByTerm)
    for (const form of forms) for (const w of form) (termsOfStem.get(w.stem) ?? termsOfStem.set(w.stem, new Set()).get(w.stem)!).add(code);
  const byStem = new Map<string, Form[]>();
  for (const { code, forms } of formsByTerm) {
    for (const words of forms) {
      const stems = [
        ...new Set(words.map((w) => w.stem).filter((s) => s.length >= 2 && (termsOfStem.get(s)?.size ?? 0) <= MAX_TERMS_PER_STEM)),
      ];
      if (!stems.length) continue;
      const marked = new Map<string, Set<string>>();
      for (const w of words) if (w.marked) (marked.get(w.stem) ?? marked.set(w.stem, new Set()).get(w.stem)!).add(w.marked);
      const form: Form = {
        code,
        stems,
        length: words.length,
        all: new Set(words.map((w) => w.stem)),
        raw: words.map((w) => w.raw),
        marked,
      };
      for (const stem of stems) (byStem.get(stem) ?? byStem.set(stem, []).get(stem)!).push(form);
    }
  }
  return { byStem };
}

function matchClause(index: ProcessIndex, clause: Word[], found: Map<string, Candidate>): void {
  const positions = new Map<string, number[]>();
  clause.forEach((w, k) => (positions.get(w.stem) ?? positions.set(w.stem, []).get(w.stem)!).push(k));
  const seen = new Set<Form>();
  for (const w of clause) {
    for (const form of index.byStem.get(w.stem) ?? []) {
      if (seen.has(form)) continue;
      seen.add(form);
      // one informative word among others ("injection" in "injection moulding", "spot" in "spot welding"):
      // every word of the form must stand there, the common ones included ("injection-moulded", "spot-weld")
      const required = form.stems.length < 2 && form.length > 1 ? [...form.all] : form.stems;
      // a word written with other diacritics is another word: "chắn" (to shield) is not "chấn" (to bend)
      const at = required.map((s) => (positions.get(s) ?? []).filter((k) => sameWord(clause[k], form, s)));
      if (at.some((list) => !list.length)) continue;
      // the tightest window holding one occurrence of each stem
      const best = tightest(at);
      if (!best || best.to - best.from + 1 > form.length + EXTRA_SPREAD) continue;
      // the form's other words (not informative alone) around the match belong to the span: "dập … khuôn liên hoàn"
      let { from, to } = best;
      for (let k = best.from - 1; k >= 0 && best.from - k <= EXTRA_SPREAD; k--)
        if (form.all.has(clause[k].stem) && to - k + 1 <= form.length + EXTRA_SPREAD) from = k;
      for (let k = best.to + 1; k < clause.length && k - best.to <= EXTRA_SPREAD; k++)
        if (form.all.has(clause[k].stem) && k - from + 1 <= form.length + EXTRA_SPREAD) to = k;
      const spanWords = clause.slice(from, to + 1);
      // most of the form's words must be there: "linh kiện" (a component) alone is not "lắp ráp linh kiện"
      if (2 * [...form.all].filter((s) => spanWords.some((w) => w.stem === s)).length <= form.all.size) continue;
      const verbatim = form.raw.length === spanWords.length && form.raw.every((r, k) => r === spanWords[k].raw);
      if (verbatim) continue; // written as listed: the exact extraction has it
      if (form.length === 1) {
        // a one-word form: only an inflection of it ("stamped" for "stamping")
        if (spanWords.length !== 1 || spanWords[0].raw === form.raw[0] || spanWords[0].stem.length < 5) continue;
      }
      const confidence = form.length === 1 ? 0.6 : 0.5;
      const agreement = form.raw.filter((r) => spanWords.some((w) => w.stem === stem(r) && verbal(w.raw) === verbal(r))).length;
      const match = { code: form.code, start: spanWords[0].start, end: spanWords.at(-1)!.end, confidence, agreement };
      // the form that accounts for the most words of the text names the span
      const previous = found.get(form.code);
      if (
        !previous ||
        previous.confidence < confidence ||
        (previous.confidence === confidence && previous.end - previous.start < match.end - match.start)
      )
        found.set(form.code, match);
    }
  }
}

/**
 * The text's word may stand for the form's: written without diacritics (they may have been left out),
 * or with the same ones ("tĩnh" is not "tinh", "chắn" not "chấn", "cấp" not "cáp").
 */
function sameWord(word: Word, form: Form, stem: string): boolean {
  return !word.marked || !!form.marked.get(stem)?.has(word.marked);
}

function tightest(lists: number[][]): { from: number; to: number } | undefined {
  let best: { from: number; to: number } | undefined;
  const pointers = lists.map(() => 0);
  for (;;) {
    const current = lists.map((l, k) => l[pointers[k]]);
    const from = Math.min(...current);
    const to = Math.max(...current);
    if (!best || to - from < best.to - best.from) best = { from, to };
    const lowest = current.indexOf(from);
    pointers[lowest]++;
    if (pointers[lowest] >= lists[lowest].length) return best;
  }
}

const WORD = /[\p{L}\p{N}]+/gu;
const CJK_WORD = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const wordCache = new Map<string, { raw: string; stem: string; marked: string | null }>();
const CLAUSE_BREAK = /[.;:!?\n\r()[\]]/;

function tokens(text: string): Word[] {
  const out: Word[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (CJK_WORD.test(m[0])) {
      last = m.index + m[0].length;
      continue;
    }
    let known = wordCache.get(m[0]);
    if (!known) {
      const raw = foldDiacritics(m[0]);
      const lower = m[0].normalize('NFC').toLowerCase();
      known = { raw, stem: stem(raw), marked: lower !== raw ? lower : null };
      if (wordCache.size > 20000) wordCache.clear();
      wordCache.set(m[0], known);
    }
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      raw: known.raw,
      stem: known.stem,
      marked: known.marked,
      clauseStart: out.length === 0 || CLAUSE_BREAK.test(text.slice(last, m.index)),
    });
    last = m.index + m[0].length;
  }
  return out;
}

const SPELLINGS: Record<string, string> = {
  mold: 'mould',
  molder: 'mould',
  aluminum: 'aluminium',
  anodiz: 'anodis',
  galvaniz: 'galvanis',
  color: 'colour',
};

/** A light English stemmer: enough for process names (stamped/stamping/stamps, machined/machining, moulder). */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && /(ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('er')) w = w.slice(0, -2);
  if (w.length > 3 && /([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  return SPELLINGS[w] ?? w;
}

/** A head word must name its family in at least this share of the process labels it begins. */
const HEAD_WORD_SHARE = 0.75;
const headIndexes = new WeakMap<Taxonomy, Map<string, string>>();

/**
 * Process families that one word names: the word that begins the Vietnamese label of a process and of
 * every one of its (at least two) descendants, and of at least three in four of all process labels it
 * begins — "dập" (Dập kim loại, Dập liên hoàn, Dập chuyển, Dập vuốt sâu, Dập tinh; not Dập nguội bu lông),
 * "đúc", "mạ", "sơn". Not "ép" (injection, extrusion, rubber and compression moulding) nor "hàn"
 * (soldering and every kind of welding): they name no one family. Derived from the labels, no list.
 */
export function processHeadWords(taxonomy: Taxonomy): Map<string, string> {
  let heads = headIndexes.get(taxonomy);
  if (heads) return heads;
  heads = new Map();
  const first = (label: string) => label.normalize('NFC').toLowerCase().split(/\s+/)[0] ?? '';
  const terms = taxonomy.list(TaxonomyKind.PROCESS);
  const beginning = new Map<string, number>();
  for (const term of terms) beginning.set(first(term.labels.vi), (beginning.get(first(term.labels.vi)) ?? 0) + 1);
  const family = new Map<string, number>();
  for (const term of terms) {
    const descendants = taxonomy.descendants(TaxonomyKind.PROCESS, term.code);
    const head = first(term.labels.vi);
    if (descendants.length < 2 || Array.from(head).length < 2 || !descendants.every((d) => first(d.labels.vi) === head)) continue;
    const size = descendants.length + 1;
    if (size < HEAD_WORD_SHARE * beginning.get(head)!) continue;
    // the widest family the word names (an ancestor over its own child)
    if ((family.get(head) ?? 0) < size) {
      family.set(head, size);
      heads.set(head, term.code);
    }
  }
  headIndexes.set(taxonomy, heads);
  return heads;
}

/** Head words of process families (processHeadWords) where the text writes them, as written (diacritics count: "dap" is not read). */
export function processHeadWordMatches(taxonomy: Taxonomy, text: string): WeakProcessMatch[] {
  const heads = processHeadWords(taxonomy);
  const found: WeakProcessMatch[] = [];
  for (const m of text.matchAll(WORD)) {
    const code = heads.get(m[0].toLowerCase());
    if (code) found.push({ code, start: m.index, end: m.index + m[0].length, confidence: 0.4 });
  }
  return found;
}
