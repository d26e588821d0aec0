import { foldDiacritics } from '#libs/core';
import { CAPABILITY_KINDS, findTermSpans, type TermSpan } from './capability-extraction.js';
import { TaxonomyKind } from './taxonomy-kind.js';
import type { Taxonomy } from './taxonomy.js';
import { processHeadWordMatches, weakProcessMatches } from './process-tokens.js';

/** Where in the text a value was read: UTF-16 offsets into the NFC form of the text (end exclusive), and the words. */
export interface SourceSpan {
  start: number;
  end: number;
  text: string;
}

/** A taxonomy term the text names. */
export interface SuggestedTerm {
  code: string;
  /** 0..1: 0.9 when a label or alias is written out, 0.5–0.6 for a weak (word-overlap) match, 0.4 for a bare process verb. */
  confidence: number;
  /** A weak match: use it to rank, never to filter. */
  weak: boolean;
  /**
   * A step the text lets the supplier subcontract or calls optional ("mạ kẽm có thể thuê ngoài", "錫めっきは外注可",
   * "plating may be subcontracted"): matching never asks it of the supplier. Processes only.
   */
  optional: boolean;
  sources: SourceSpan[];
}

export type QuantityPeriod = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export interface SuggestedQuantity {
  /** Per month (converted from the period written). */
  value: number;
  /** PCS, SETS, KG, TONNES, METRES or SQUARE_METRES. */
  unit: string;
  period: QuantityPeriod;
  confidence: number;
  source: SourceSpan;
}

export interface SuggestedNumber {
  value: number;
  confidence: number;
  source: SourceSpan;
}

/** Which machines a machine size is about: presses (press force) or moulding / die-casting machines (clamping force). */
export type MachineKind = 'PRESS' | 'CLAMP';

/** The size of machine the text asks a supplier to run ("máy dập 400 tấn trở lên", "450톤 이상 사출기"), in tonnes of force. */
export interface SuggestedMachineSize {
  tonnes: number;
  /** PRESS or CLAMP as the words around it say; null when they name only "a machine". */
  kind: MachineKind | null;
  confidence: number;
  source: SourceSpan;
}

/** A part the text names (a product group) and the processes that typically make it, any one of them. */
export interface SuggestedPartProcesses {
  productGroup: string;
  /** Any one of these makes the part (the product group's `madeBy`). */
  processes: string[];
  sources: SourceSpan[];
}

/** Everything a free-text need says that the structured form could hold; each value with its words and a confidence. */
export interface NeedTextSuggestion {
  processes: SuggestedTerm[];
  materials: SuggestedTerm[];
  certifications: SuggestedTerm[];
  productGroups: SuggestedTerm[];
  /**
   * For each part named whose product group says how such parts are made: the processes, any one of
   * them. Weak by nature (a bracket may also be laser cut and bent): matching ranks on it only when the
   * text names no process.
   */
  partProcesses: SuggestedPartProcesses[];
  /** Industrial zones named (a place to deliver to or to be near). */
  zones: SuggestedTerm[];
  quantityPerMonth: SuggestedQuantity | null;
  toleranceMm: SuggestedNumber | null;
  maxLeadTimeDays: SuggestedNumber | null;
  maxDistanceKm: SuggestedNumber | null;
  /** The smallest machine the text asks for (the largest size named when it names several). */
  machineSize: SuggestedMachineSize | null;
}

/** Confidence at or above which a value may fill an empty field of a need (below: a soft hint only). */
export const FILL_CONFIDENCE = 0.7;

const EXPLICIT_TERM = 0.9;

/** What a need's text may name, read in one pass. */
const NEED_KINDS: readonly TaxonomyKind[] = [...CAPABILITY_KINDS, TaxonomyKind.ZONE];

/**
 * Reads a need written as text (Vietnamese with or without diacritics, English, Japanese, Korean): the
 * taxonomy terms it names (processes, also by word overlap; materials with grades; certifications;
 * product groups; industrial zones), the monthly quantity, the tolerance, the lead time and the distance
 * limit. Numbers in Vietnamese ("300.000", "0,05") and English ("300,000", "0.05") formats are both read:
 * a separator followed by exactly three digits groups thousands in a count, a measure (mm, km) is
 * decimal, and where both separators appear the last is the decimal one. `lang` (the writer's language)
 * only decides "1.500 tấn" (1 500 t in Vietnamese) against "1.500 tons" (1.5 t in English).
 *
 * Pure and fast (linear in the text; about 1 ms for 5 000 characters).
 */
export function suggestNeedSpec(taxonomy: Taxonomy, input: string, lang: string = 'vi'): NeedTextSuggestion {
  const text = input.normalize('NFC');
  const folded = foldSameLength(text);
  const spans = findTermSpans(taxonomy, text, NEED_KINDS).filter((s) => !namesPlantOrPurpose(folded, s));
  const terms = (kind: TaxonomyKind) =>
    termsOf(
      text,
      spans.filter((s) => s.kind === kind),
    );
  const processes = terms(TaxonomyKind.PROCESS);
  for (const weak of weakProcessMatches(taxonomy, text)) {
    if (processes.some((p) => p.code === weak.code)) continue;
    if (namesPlantOrPurpose(folded, { ...weak, kind: TaxonomyKind.PROCESS })) continue;
    // words a label or alias accounts for are not read again ("tiện CNC" in "phay tiện CNC" is turning, and milling too)
    if (spans.some((s) => s.kind === TaxonomyKind.PROCESS && s.start <= weak.start && weak.end <= s.end)) continue;
    processes.push({
      code: weak.code,
      confidence: weak.confidence,
      weak: true,
      optional: false,
      sources: [span(text, weak.start, weak.end)],
    });
  }
  // A bare process verb ("dập nắp và đế hộp", "đúc vỏ hộp số") names its family, weakly, unless the text
  // names a process of that family more specifically ("dập liên hoàn", "mạ kẽm" for "mạ").
  const inFamily = (code: string, family: string) =>
    code === family || taxonomy.ancestors(TaxonomyKind.PROCESS, code).some((a) => a.code === family);
  const named = [...processes];
  for (const head of processHeadWordMatches(taxonomy, text)) {
    if (spans.some((s) => s.start <= head.start && head.end <= s.end)) continue;
    if (named.some((p) => inFamily(p.code, head.code))) continue;
    if (namesPlantOrPurpose(folded, { ...head, kind: TaxonomyKind.PROCESS })) continue;
    const known = processes.find((p) => p.code === head.code);
    if (known) known.sources.push(span(text, head.start, head.end));
    else
      processes.push({
        code: head.code,
        confidence: head.confidence,
        weak: true,
        optional: false,
        sources: [span(text, head.start, head.end)],
      });
  }
  markOptional(taxonomy, processes, optionalClauses(folded));
  const productGroups = terms(TaxonomyKind.PRODUCT_GROUP);
  const partProcesses = productGroups.flatMap((g) => {
    const madeBy = taxonomy.find(TaxonomyKind.PRODUCT_GROUP, g.code)?.madeBy;
    return madeBy?.length ? [{ productGroup: g.code, processes: [...madeBy], sources: g.sources }] : [];
  });
  const zones = terms(TaxonomyKind.ZONE).filter((z) => !!taxonomy.find(TaxonomyKind.ZONE, z.code)?.geo);
  return {
    processes,
    materials: terms(TaxonomyKind.MATERIAL),
    certifications: terms(TaxonomyKind.CERTIFICATION),
    productGroups,
    partProcesses,
    zones,
    quantityPerMonth: quantityIn(text, folded, lang),
    toleranceMm: toleranceIn(text, folded),
    maxLeadTimeDays: leadTimeIn(text, folded),
    maxDistanceKm: distanceIn(text, folded),
    machineSize: machineSizeIn(text, folded, lang),
  };
}

// ── what a process word does not ask ──────────────────────────────────────────────────────────────

/**
 * A term that names a plant or what the part is for, not work asked of the supplier: "our Lai Cach
 * assembly plant", "nhà máy lắp ráp", "組立工場", "조립 공장"; "ワイヤーハーネス用の端子" (terminals for harnesses),
 * "하네스용 단자". Processes and product groups only.
 */
function namesPlantOrPurpose(folded: string, s: Pick<TermSpan, 'kind' | 'start' | 'end'>): boolean {
  if (s.kind !== TaxonomyKind.PROCESS && s.kind !== TaxonomyKind.PRODUCT_GROUP) return false;
  const after = folded.slice(s.end, s.end + 12);
  const before = folded.slice(Math.max(0, s.start - 10), s.start);
  return (
    /^(?:用|용)/.test(after) ||
    /^[\s-]*(?:plants?|factory|factories)\b/.test(after) ||
    /^\s*(?:工場|공장)/.test(after) ||
    /nha may\s*$/.test(before)
  );
}

/** Words that let the supplier subcontract a step or call it optional, in the folded text (lowercase, no diacritics). */
const OPTIONAL_STEP = new RegExp(
  [
    String.raw`\b(?:may|can|could) be (?:sub-?contracted|outsourced)\b`,
    String.raw`\b(?:sub-?contracting|outsourcing) (?:is )?(?:ok|fine|allowed|acceptable|possible)\b`,
    String.raw`\boptional\b`,
    String.raw`\bco the (?:thue ngoai|gia cong ngoai|thue gia cong(?: ngoai)?)\b`,
    String.raw`\bthue ngoai cung duoc\b`,
    String.raw`\bkhong bat buoc\b`,
    String.raw`\btuy chon\b`,
    '外注(?:可|も可|でも可|ok|してもよい|しても可)',
    '任意',
    '외주\\s*(?:도\\s*)?(?:가능|허용)',
    '선택\\s*사항',
    '필수\\s*(?:아님|아닙니다|는 아닙)',
  ].join('|'),
  'u',
);

/** Part of the text between two clause ends (offsets as in SourceSpan). */
interface Clause {
  start: number;
  end: number;
}

/** A clause that makes a step optional, and the clause before it, which it may be about. */
interface OptionalClause extends Clause {
  attached: Clause | null;
}

/** Where a clause ends: a sentence's end, a comma or semicolon before a space (not "0,8"), a parenthesis, a line. */
const CLAUSE_END = /[.。!?！？;；、，\n()（）]|,(?=\s)/g;

/**
 * The clauses that make a step optional. A clause such as "(có thể thuê ngoài)" or "（外注可）" that names no
 * step itself attaches to the clause before it ("mạ kẽm (có thể thuê ngoài)"); the caller does that with the
 * terms' sources.
 */
function optionalClauses(folded: string): OptionalClause[] {
  const bounds = [0];
  for (const m of folded.matchAll(CLAUSE_END)) bounds.push(m.index, m.index + 1);
  bounds.push(folded.length);
  const clauses: Clause[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 2) if (bounds[i + 1] > bounds[i]) clauses.push({ start: bounds[i], end: bounds[i + 1] });
  const found: OptionalClause[] = [];
  clauses.forEach((c, i) => {
    if (OPTIONAL_STEP.test(folded.slice(c.start, c.end))) found.push({ ...c, attached: i > 0 ? clauses[i - 1] : null });
  });
  return found;
}

/**
 * Marks the processes an optional clause names, and every process of their families ("plating may be
 * subcontracted" covers "nickel plated"); a clause naming none makes the clause before it optional.
 */
function markOptional(taxonomy: Taxonomy, processes: SuggestedTerm[], clauses: OptionalClause[]): void {
  if (!clauses.length) return;
  const within = (t: SuggestedTerm, c: Clause) => t.sources.some((src) => c.start <= src.start && src.end <= c.end);
  const optional = new Set<string>();
  for (const clause of clauses) {
    const named = processes.filter((p) => within(p, clause));
    const attached = clause.attached;
    for (const p of named.length ? named : attached ? processes.filter((q) => within(q, attached)) : []) optional.add(p.code);
  }
  for (const p of processes)
    p.optional = optional.has(p.code) || taxonomy.ancestors(TaxonomyKind.PROCESS, p.code).some((a) => optional.has(a.code));
}

function termsOf(text: string, spans: TermSpan[]): SuggestedTerm[] {
  const byCode = new Map<string, SuggestedTerm>();
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const term = byCode.get(s.code) ?? { code: s.code, confidence: EXPLICIT_TERM, weak: false, optional: false, sources: [] };
    term.sources.push(span(text, s.start, s.end));
    byCode.set(s.code, term);
  }
  return [...byCode.values()];
}

function span(text: string, start: number, end: number): SourceSpan {
  return { start, end, text: text.slice(start, end) };
}

const foldCache = new Map<string, string>();

/** Lowercase without diacritics, one UTF-16 unit for one (so offsets carry over to the text). */
function foldSameLength(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch < '\u0080') {
      out += ch >= 'A' && ch <= 'Z' ? String.fromCharCode(ch.charCodeAt(0) + 32) : ch;
      continue;
    }
    let f = foldCache.get(ch);
    if (f === undefined) {
      const candidate = foldDiacritics(ch);
      f = candidate.length === 1 ? candidate : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
      foldCache.set(ch, f);
    }
    out += f;
  }
  return out;
}

// ── numbers ───────────────────────────────────────────────────────────────────────────────────────

/** A number as people write it: 300.000 / 300,000 / 300 000 / 1.234,5 / 1,234.5 / 0,05 / 30k. */
const NUMBER = String.raw`\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;

/**
 * The value of a written number. `measure`: a length or tolerance, where a lone separator is decimal;
 * a count reads a lone separator followed by exactly three digits as thousands ("300.000 chiếc",
 * "30,000 pcs") unless the integer part is 0.
 */
export function parseNumber(raw: string, measure: boolean): number {
  const s = raw.replace(/[\u00a0\u202f ]/g, '');
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots && commas) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const other = decimal === '.' ? ',' : '.';
    return Number(s.split(other).join('').replace(decimal, '.'));
  }
  const sep = dots ? '.' : commas ? ',' : null;
  if (!sep) return Number(s);
  const parts = s.split(sep);
  if (parts.length > 2) return Number(parts.join(''));
  const [whole, fraction] = parts as [string, string];
  const grouped = fraction.length === 3 && whole !== '0' && !measure;
  return grouped ? Number(whole + fraction) : Number(`${whole}.${fraction}`);
}

const MULTIPLIERS: [RegExp, number][] = [
  [/^(?:k|nghin|ngan|thousand|千|천)/, 1e3],
  [/^(?:trieu|million|mn|百万|백만)/, 1e6],
  [/^(?:万|만)/, 1e4],
  [/^(?:억)/, 1e8],
];

// ── quantities ────────────────────────────────────────────────────────────────────────────────────

const UNITS: [RegExp, string][] = [
  [/^(?:chiec|cai|san pham|sp|pcs|pc|pieces?|parts?|units?|ea|nos|個|개|枚|本|点|ピース)(?![a-z])/, 'PCS'],
  [/^(?:bo|sets?|kits?|セット|組|세트|벌)(?![a-z])/, 'SETS'],
  [/^(?:tan|tons?|tonnes?|mt|t|トン|톤)(?![a-z])/, 'TONNES'],
  [/^(?:kg|kgs|kilograms?|kilogam|キロ|킬로)(?![a-z])/, 'KG'],
  [/^(?:m2|m²|met vuong|square met(?:re|er)s?|sqm|㎡|平米|제곱미터)(?![a-z])/, 'SQUARE_METRES'],
  [/^(?:met|metres?|meters?|m|メートル|미터)(?![a-z²2])/, 'METRES'],
];

const PERIOD_AFTER: [RegExp, QuantityPeriod][] = [
  [
    /^\s*(?:\/|per|a|an|each|every|mỗi|moi|hang|hàng|một|mot|1)?\s*(?:thang|month|mo|tháng)(?![a-z])|^\s*monthly|^\s*\/\s*(?:月|월)|^\s*(?:毎月|월간|매월|한 ?달)/,
    'MONTH',
  ],
  [/^\s*(?:\/|per|a|an|each|every|moi|hang|mot|1)?\s*(?:nam|year|yr)(?![a-z])|^\s*(?:annually|yearly)|^\s*\/\s*(?:年|년)/, 'YEAR'],
  [/^\s*(?:\/|per|a|an|each|every|moi|hang|mot|1)?\s*(?:tuan|week|wk)(?![a-z])|^\s*weekly|^\s*\/\s*(?:週|주)/, 'WEEK'],
  [/^\s*(?:\/|per|a|an|each|every|moi|hang|mot|1)?\s*(?:ngay|day)(?![a-z])|^\s*daily|^\s*\/\s*(?:日|일)/, 'DAY'],
];

const PERIOD_BEFORE: [RegExp, QuantityPeriod][] = [
  [/(?:月産|月間|毎月|月|월|월간|매월|monthly|hang thang|moi thang)\s*(?:約|약|khoang|about|around)?\s*$/, 'MONTH'],
  [/(?:年産|年間|연간|연|annual|hang nam|moi nam)\s*(?:約|약|khoang|about|around)?\s*$/, 'YEAR'],
  [/(?:日産|daily|moi ngay)\s*(?:約|약|khoang|about|around)?\s*$/, 'DAY'],
];

const PER_MONTH: Record<QuantityPeriod, number> = { DAY: 26, WEEK: 52 / 12, MONTH: 1, YEAR: 1 / 12 };

const MEASURED_UNITS = new Set(['TONNES', 'KG', 'METRES', 'SQUARE_METRES']);

/**
 * A quantity in tonnes, kg or metres may be decimal: "1.500 tấn" is 1 500 t in Vietnamese, "1.500 tons"
 * 1.5 t in English, and "2,500 kg" 2 500 kg in English but 2.5 kg in Vietnamese. The writer's language
 * decides a lone separator followed by three digits; counts (pieces, sets) never have decimals.
 */
function quantityNumber(raw: string, unit: string, lang: string): number {
  if (!MEASURED_UNITS.has(unit) || !/^\d{1,3}[.,]\d{3}$/.test(raw)) return parseNumber(raw, false);
  const thousands = lang === 'vi' ? '.' : ',';
  return parseNumber(raw, !raw.includes(thousands));
}

function quantityIn(text: string, folded: string, lang: string): SuggestedQuantity | null {
  const pattern = new RegExp(`(${NUMBER})\\s*([a-z]+|[千万천만억]|百万|백만)?`, 'gu');
  let best: SuggestedQuantity | null = null;
  for (const m of folded.matchAll(pattern)) {
    const start = m.index;
    if (start > 0 && /[a-z0-9±+-]/.test(folded[start - 1])) continue;
    let value = parseNumber(m[1], false);
    let end = start + m[1].length;
    let rest = folded.slice(end, end + 40);
    const gap = /^\s*/.exec(rest)![0].length;
    let multiplied = false;
    for (const [re, factor] of MULTIPLIERS) {
      const mm = re.exec(rest.slice(gap));
      if (mm && !(mm[0] === 'k' && /^kg/.test(rest.slice(gap)))) {
        value *= factor;
        end += gap + mm[0].length;
        rest = folded.slice(end, end + 40);
        multiplied = true;
        break;
      }
    }
    const unitGap = /^\s*/.exec(rest)![0].length;
    const unit = UNITS.find(([re]) => re.test(rest.slice(unitGap)));
    if (!unit) continue;
    const unitLength = unit[0].exec(rest.slice(unitGap))![0].length;
    end += unitGap + unitLength;
    const after = folded.slice(end, end + 24);
    let period: QuantityPeriod | null = null;
    let periodEnd = end;
    for (const [re, p] of PERIOD_AFTER) {
      const pm = re.exec(after);
      if (pm) {
        period = p;
        periodEnd = end + pm[0].length;
        break;
      }
    }
    let spanStart = start;
    if (!period) {
      const before = folded.slice(Math.max(0, start - 16), start);
      for (const [re, p] of PERIOD_BEFORE) {
        const pm = re.exec(before);
        if (pm) {
          period = p;
          spanStart = start - pm[0].length;
          break;
        }
      }
    }
    if (!period) continue;
    if (!multiplied) value = quantityNumber(m[1], unit[1], lang);
    const perMonth = Math.round(value * PER_MONTH[period] * 1000) / 1000;
    if (!(perMonth > 0) || !Number.isFinite(perMonth)) continue;
    const found: SuggestedQuantity = {
      value: perMonth,
      unit: unit[1],
      period,
      confidence: period === 'MONTH' ? 0.9 : 0.75,
      source: span(text, spanStart, periodEnd),
    };
    if (!best || found.confidence > best.confidence) best = found;
  }
  return best;
}

// ── tolerance ─────────────────────────────────────────────────────────────────────────────────────

const TOLERANCE_KEYWORD =
  /(?:±|\+\/-|\+-|dung sai|sai so|tolerance|tol\.?|公差|공차|精度|정밀도)\s*(?:[:=]|la|of|là|la:|khoang|within|trong)?\s*(?:±|\+\/-|\+-)?\s*$/;

function toleranceIn(text: string, folded: string): SuggestedNumber | null {
  const pattern = new RegExp(`(${NUMBER})\\s*(mm|µm|μm|um|micron|microns|micromet|ミクロン|마이크론|ミリ)?`, 'gu');
  let best: SuggestedNumber | null = null;
  for (const m of folded.matchAll(pattern)) {
    const before = folded.slice(Math.max(0, m.index - 16), m.index);
    const keyword = TOLERANCE_KEYWORD.exec(before);
    const unit = m[2];
    if (!keyword) continue;
    if (!unit && !/±|\+\/-|\+-/.test(keyword[0]) && !/dung sai|tolerance|公差|공차/.test(keyword[0])) continue;
    const raw = parseNumber(m[1], true);
    const mm = unit && unit !== 'mm' && unit !== 'ミリ' ? raw / 1000 : raw;
    if (!(mm > 0) || mm > 10) continue;
    const found = { value: mm, confidence: unit ? 0.95 : 0.7, source: span(text, m.index - keyword[0].length, m.index + m[0].length) };
    // The finest tolerance asked for is the one that decides.
    if (!best || found.value < best.value) best = found;
  }
  return best;
}

// ── lead time ─────────────────────────────────────────────────────────────────────────────────────

const TIME_UNITS: [RegExp, number][] = [
  [/^(?:ngay|days?|日間|日|일)(?![a-z])/, 1],
  [/^(?:tuan|weeks?|wks?|週間|週|주)(?![a-z])/, 7],
  [/^(?:thang|months?|ヶ月|か月|カ月|ヵ月|개월|달)(?![a-z])/, 30],
];
const LEAD_STRONG =
  /(?:thoi gian giao hang|thoi gian giao|giao hang|giao|lead ?time|delivery|deliver|delivered|納期|納入|납기|리드 ?타임|tien do)/g;
const LEAD_WEAK = /(?:trong vong|trong|within|khong qua|toi da|no more than|no later than|max\.?|maximum|at most|under|duoi)\s*$/;

/**
 * The last keyword of `pattern` (global) in `before` that reaches its end within `reach` characters and
 * without a sentence or clause break in between: the words that introduce the number.
 */
function lastKeyword(before: string, pattern: RegExp, reach: number): { index: number } | null {
  let last: { index: number } | null = null;
  for (const m of before.matchAll(pattern)) {
    const between = before.slice(m.index + m[0].length);
    if (between.length <= reach && !/[.;\n]/.test(between)) last = { index: m.index };
  }
  return last;
}
const NOT_LEAD = /(?:thanh toan|payment|bao hanh|warranty|hop dong|contract|支払|보증|결제)[^.;\n]{0,20}$/;
const LEAD_AFTER = /^\s*(?:以内|以下|이내|이하)/;

function leadTimeIn(text: string, folded: string): SuggestedNumber | null {
  const pattern = new RegExp(`(${NUMBER})\\s*`, 'gu');
  let best: SuggestedNumber | null = null;
  for (const m of folded.matchAll(pattern)) {
    if (m.index > 0 && /[a-z0-9.,]/.test(folded[m.index - 1])) continue;
    const end = m.index + m[0].length;
    const rest = folded.slice(end, end + 8);
    const unit = TIME_UNITS.find(([re]) => re.test(rest));
    if (!unit) continue;
    const unitEnd = end + unit[0].exec(rest)![0].length;
    const before = folded.slice(Math.max(0, m.index - 40), m.index);
    if (NOT_LEAD.test(before)) continue;
    // "300 chiếc/ngày" is a rate, not a lead time.
    if (/\/\s*$/.test(folded.slice(Math.max(0, m.index - 2), m.index))) continue;
    const strong = lastKeyword(before, LEAD_STRONG, 30);
    const weak = LEAD_WEAK.exec(before);
    const after = LEAD_AFTER.exec(folded.slice(unitEnd, unitEnd + 6));
    if (!strong && !weak && !(after && /納期|납기|giao|deliver/.test(before))) continue;
    const days = Math.round(parseNumber(m[1], true) * unit[1]);
    if (!(days > 0) || days > 730) continue;
    const confidence = strong ? 0.85 : 0.6;
    const start = strong ? m.index - before.length + strong.index : weak ? m.index - weak[0].length : m.index;
    const found = { value: days, confidence, source: span(text, Math.max(0, start), after ? unitEnd + after[0].length : unitEnd) };
    if (!best || found.confidence > best.confidence) best = found;
  }
  return best;
}

// ── distance ──────────────────────────────────────────────────────────────────────────────────────

const DISTANCE_BEFORE =
  /(?:ban kinh|cach|within|radius|no more than|not more than|less than|under|max\.?|at most|khong qua|duoi|toi da|trong vong|trong|距離|半径|거리|반경)/g;
const DISTANCE_AFTER = /^\s*(?:以内|圏内|以下|이내|이하|radius|ban kinh|from|tu|tới|toi)/;

function distanceIn(text: string, folded: string): SuggestedNumber | null {
  const pattern = new RegExp(`(${NUMBER})\\s*(km|kilomet|kilometres?|kilometers?|キロ|킬로)(?![a-z])`, 'gu');
  let best: SuggestedNumber | null = null;
  for (const m of folded.matchAll(pattern)) {
    const before = folded.slice(Math.max(0, m.index - 48), m.index);
    const end = m.index + m[0].length;
    const keyword = lastKeyword(before, DISTANCE_BEFORE, 40);
    const after = DISTANCE_AFTER.exec(folded.slice(end, end + 10));
    const km = parseNumber(m[1], true);
    if (!(km > 0) || km > 500) continue;
    const found = {
      value: km,
      confidence: keyword || after ? 0.9 : 0.6,
      source: span(text, keyword ? m.index - before.length + keyword.index : m.index, after ? end + after[0].length : end),
    };
    if (!best || found.confidence > best.confidence) best = found;
  }
  return best;
}

// ── machine size ──────────────────────────────────────────────────────────────────────────────────

/** Press force or clamping force: tonnes of force, written after the number. */
const FORCE_UNIT = /^\s*-?\s*(?:tan|tons?|tonnes?|tf|t|トン|톤)(?![a-z])/;
/** Words naming the machine, in the folded text (lowercase, no diacritics). */
const PRESS_WORDS = /\b(?:may dap|may dot|may ep dap|press(?:es)?)\b|プレス|프레스/g;
const CLAMP_WORDS =
  /\b(?:luc kep|may ep(?! dap)|may duc|clamp(?:ing)?|(?:injection|moulding|molding|die[- ]?casting) machines?)\b|成形機|射出機|型締|ダイカストマシン|사출기|성형기|형체력|다이캐스팅/g;
const ANY_MACHINE = /\b(?:may|machines?)\b|機|설비|장비|기계/g;

/**
 * The size of machine a need asks for: a force in tonnes ("400 tấn", "450톤", "650 t", "650トン", "a
 * 400-ton press") with a word naming the machine in the same clause, within a few words before or after
 * it ("máy dập 400 tấn trở lên", "450톤 이상 대형 사출기", "型締力650トン以上の成形機", "presses of
 * 400 t or more"). A tonnage followed by a period ("2 tấn/tháng") is a quantity, never a machine; a
 * tonnage with no machine word near it is not read. Several sizes: the largest (the part needs it).
 */
function machineSizeIn(text: string, folded: string, lang: string): SuggestedMachineSize | null {
  const pattern = new RegExp(`(${NUMBER})`, 'gu');
  let best: SuggestedMachineSize | null = null;
  for (const m of folded.matchAll(pattern)) {
    if (m.index > 0 && /[a-z0-9.,]/.test(folded[m.index - 1])) continue;
    const end = m.index + m[0].length;
    const unit = FORCE_UNIT.exec(folded.slice(end, end + 10));
    if (!unit) continue;
    const unitEnd = end + unit[0].length;
    // "2 tấn/tháng", "5 tons a month": an amount per period is a quantity
    if (PERIOD_AFTER.some(([re]) => re.test(folded.slice(unitEnd, unitEnd + 24)))) continue;
    // "1.600 tấn" is 1 600 t in Vietnamese, "1,600 tons" in English (as for quantities in tonnes)
    const tonnes = quantityNumber(m[1], 'TONNES', lang);
    if (!(tonnes >= 5) || tonnes > 10000) continue;
    const before = clauseBefore(folded, m.index, 40);
    const after = clauseAfter(folded, unitEnd, 40);
    const near = (re: RegExp) => [...before.matchAll(re)].at(-1) ?? [...after.matchAll(re)][0];
    const press = near(PRESS_WORDS);
    const clamp = near(CLAMP_WORDS);
    const machine = press ?? clamp ?? near(ANY_MACHINE);
    if (!machine) continue;
    const kind: MachineKind | null = press && clamp ? null : press ? 'PRESS' : clamp ? 'CLAMP' : null;
    const found: SuggestedMachineSize = { tonnes, kind, confidence: kind ? 0.85 : 0.75, source: span(text, m.index, unitEnd) };
    if (!best || found.tonnes > best.tonnes) best = found;
  }
  return best;
}

/** Up to `reach` characters before `index`, from the last clause break on. */
function clauseBefore(folded: string, index: number, reach: number): string {
  const before = folded.slice(Math.max(0, index - reach), index);
  const cut = Math.max(...[...'.;,\n、。，'].map((c) => before.lastIndexOf(c)));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

/** Up to `reach` characters after `index`, to the next clause break. */
function clauseAfter(folded: string, index: number, reach: number): string {
  const after = folded.slice(index, index + reach);
  const cut = after.search(/[.;,\n、。，]/);
  return cut >= 0 ? after.slice(0, cut) : after;
}
