import type { DeclineReason, ExplanationLang, MachineKind, RelaxableConstraint, VerificationStatus } from './types.js';

/**
 * Every sentence the engine can say, once per language (vi, en, ja, ko). One interface for all of them
 * so the compiler refuses a phrase that exists in English only. Numbers, distances and dates inside a
 * sentence are written in the reader's conventions (`localeFormat`).
 */
export interface Phrases {
  noProcessRequired: string;
  /** Prefix of the explanation when the processes were read weakly from the need's text (ranked on, not required). */
  preferredOnly: string;
  /** Between alternatives ("Die casting or Aluminium extrusion"). */
  or: string;
  processOffered(label: string): string;
  processDescendant(label: string, offered: string): string;
  processAncestor(label: string, offered: string): string;
  processSibling(label: string, offered: string): string;
  processNotOffered(label: string): string;
  missingProcess(label: string): string;

  /** The opt-in history criterion: counts of decisions on similar needs, never which needs. */
  historyNone: string;
  historyOn(needs: number, parts: string[]): string;
  historyAwarded(n: number): string;
  historyAccepted(n: number): string;
  historyDeclined(n: number, reason: string): string;
  /** The opt-in track-record criterion: a supplier's published delivery figures (aggregate only). */
  trackRecordNone: string;
  trackRecordTooFew(deliveries: number, minimum: number): string;
  /** `onTimePercent` 0–100. */
  trackRecordScored(deliveries: number, onTimePercent: number, ppm: number): string;
  declineReason: Record<DeclineReason, string>;

  noMaterialWanted: string;
  materialsOffered(labels: string[]): string;
  materialRelated(offered: string, wanted: string): string;
  materialsNotOffered(labels: string[]): string;
  /** The wanted grades are not listed, but shops of `family` (a process) buy such stock per order. */
  materialBoughtPerOrder(labels: string[], family: string): string;

  noCertificationRequired: string;
  /** Dates are calendar days (`YYYY-MM-DD`), written in the reader's format by the phrase. */
  certValidUntil(label: string, date: string): string;
  certValidOpenEnded(label: string): string;
  certExpired(label: string, date: string): string;
  certNotYetValid(label: string, date: string): string;
  certNotHeld(label: string): string;

  noQuantityStated: string;
  capacityCovers(have: number, unit: string, needed: number): string;
  capacityBelow(have: number, unit: string, needed: number): string;
  capacityUnknown: string;
  capacityOtherUnit(haveUnit: string, neededUnit: string): string;
  /** A unit's name after a number (`code`: PCS, KG, …), as the web app names it too (its `enums.unit`). */
  unit(code: string): string;
  /** A quantity and its unit's name (`code`: PCS, KG, …): `50,000 pcs`, `50.000 chiếc`, `50,000個`, `50,000개`, `500 kg`. */
  quantity(value: number, code: string): string;

  noLeadTimeLimit: string;
  leadTimeWithin(days: number, max: number): string;
  leadTimeOver(days: number, max: number): string;
  leadTimeUnknown: string;

  noToleranceRequired: string;
  toleranceHeld(best: number, needed: number): string;
  toleranceLooser(best: number, needed: number): string;
  toleranceUnknown: string;

  /** The machine-size criterion (listed only when the need states one); `kind` null: any machine. Tonnes. */
  noMachineSize: string;
  machineSizeHeld(kind: MachineKind | null, have: number, needed: number): string;
  machineSizeBelow(kind: MachineKind | null, have: number, needed: number): string;
  machineSizeUnknown(kind: MachineKind | null): string;

  noDeliveryPoint: string;
  locationUnknown: string;
  distance(km: number): string;
  distanceBeyond(km: number, limitKm: number): string;
  /** A hidden buyer's distance, as a band (`to` null: the open band). */
  distanceBand(from: number, to: number | null): string;
  distanceBandBeyond(from: number, to: number | null, limitKm: number): string;

  textRelevance(score: number): string;
  /** A supplier retrieved for other reasons (nearby, certified) whose text was not among the need's best text matches. */
  textNoMatch: string;
  textUnknown: string;

  verification: Record<VerificationStatus, string>;

  noLanguagePreference: string;
  languagesHidden: string;
  languagesShared(names: string[]): string;
  noSharedLanguage(buyer: string[], supplier: string[]): string;
  languageName(code: string): string;

  /** `date`: a calendar day (`YYYY-MM-DD`). */
  updated(date: string, days: number): string;
  updateDateUnknown: string;

  relaxation: Record<RelaxableConstraint, string>;

  /** Why a need found no supplier at all: none offers a process of the families asked for, none shares a word of the need. */
  emptyNoProcessFamily: string;
  /** The same for a need without processes: no profile shares a word of it. */
  emptyNoSharedWord: string;
}

/** The BCP 47 locale of each explanation language: the web app formats its own numbers and dates with the same ones. */
export const EXPLANATION_LOCALE: Record<ExplanationLang, string> = { vi: 'vi-VN', en: 'en-GB', ja: 'ja-JP', ko: 'ko-KR' };

/** Numbers and dates as a reader of `lang` writes them: `50.000` and `2,5` in Vietnamese, `50,000` and `2.5` in English. */
export interface LocaleFormat {
  /** At most `maxDecimals` decimals, none when they would all be zero (`50`, not `50.0`). */
  number(value: number, maxDecimals?: number): string;
  /** Exactly `decimals` decimals (a score: `0.80`). */
  fixed(value: number, decimals: number): string;
  /** A calendar day (`YYYY-MM-DD`): `31/12/2027` in vi and en, `2027/12/31` in ja, `2027. 12. 31.` in ko. */
  date(day: string): string;
  /** A distance: at most one decimal, `12.3 km`, `50 km`. */
  km(value: number): string;
}

export function localeFormat(lang: ExplanationLang): LocaleFormat {
  const locale = EXPLANATION_LOCALE[lang];
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (min: number, max: number) => {
    const key = `${min}/${max}`;
    let format = numbers.get(key);
    if (!format) numbers.set(key, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max })));
    return format;
  };
  const dates = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const number = (value: number, maxDecimals = 3) => (Number.isFinite(value) ? numberFormat(0, maxDecimals).format(value) : String(value));
  return {
    number,
    fixed: (value, decimals) => numberFormat(decimals, decimals).format(value),
    date: (day) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? dates.format(new Date(`${day}T00:00:00Z`)) : day),
    km: (value) => `${number(value, 1)} km`,
  };
}

const list = (items: string[], separator = ', ') => items.join(separator);
/** A unit's name in `units`; an unknown code in lower case. */
const unitName = (units: Record<string, string>, code: string) => units[code] ?? code.toLowerCase();
/** A quantity in Japanese or Korean: a counter straight after the number (`80,000個`), a Latin unit after a space (`500 kg`). */
const cjkQuantity = (f: LocaleFormat, value: number, unit: string) => `${f.number(value)}${/^[A-Za-z]/.test(unit) ? ' ' : ''}${unit}`;

/** A distance band: "10–20 km", or "100 km or more" (`orMore` placed after the number). */
const band = (f: LocaleFormat, from: number, to: number | null, orMore: string) =>
  to === null ? `${f.km(from)} ${orMore}` : `${f.number(from)}–${f.number(to)} km`;

/** The machines a machine size is about, in each language (ANY: the need names only "a machine"). */
type MachineNoun = Record<MachineKind | 'ANY', string>;
const EN_MACHINE: MachineNoun = { PRESS: 'press', CLAMP: 'moulding or die-casting machine (clamping force)', ANY: 'machine' };
const VI_MACHINE: MachineNoun = { PRESS: 'máy dập', CLAMP: 'máy ép, máy đúc (lực kẹp)', ANY: 'máy' };
const JA_MACHINE: MachineNoun = { PRESS: 'プレス機', CLAMP: '成形機・ダイカストマシン（型締力）', ANY: '設備' };
const KO_MACHINE: MachineNoun = { PRESS: '프레스', CLAMP: '성형기·다이캐스팅기(형체력)', ANY: '설비' };

/** Unit names after a number in each language: the web app's (`enums.unit`), so the API and the pages say the same. */
const EN_UNITS: Record<string, string> = {
  PCS: 'pcs',
  SETS: 'sets',
  KG: 'kg',
  TONNES: 't',
  METRES: 'm',
  SQUARE_METRES: 'm²',
  MACHINE_HOURS: 'machine hours',
};
const VI_UNITS: Record<string, string> = {
  PCS: 'chiếc',
  SETS: 'bộ',
  KG: 'kg',
  TONNES: 'tấn',
  METRES: 'm',
  SQUARE_METRES: 'm²',
  MACHINE_HOURS: 'giờ máy',
};
const JA_UNITS: Record<string, string> = {
  PCS: '個',
  SETS: 'セット',
  KG: 'kg',
  TONNES: 't',
  METRES: 'm',
  SQUARE_METRES: 'm²',
  MACHINE_HOURS: '機械時間',
};
const KO_UNITS: Record<string, string> = {
  PCS: '개',
  SETS: '세트',
  KG: 'kg',
  TONNES: '톤',
  METRES: 'm',
  SQUARE_METRES: 'm²',
  MACHINE_HOURS: '기계 시간',
};
const EN_LANGUAGES: Record<string, string> = { vi: 'Vietnamese', en: 'English', ja: 'Japanese', ko: 'Korean', zh: 'Chinese' };
const VI_LANGUAGES: Record<string, string> = { vi: 'tiếng Việt', en: 'tiếng Anh', ja: 'tiếng Nhật', ko: 'tiếng Hàn', zh: 'tiếng Trung' };
const JA_LANGUAGES: Record<string, string> = { vi: 'ベトナム語', en: '英語', ja: '日本語', ko: '韓国語', zh: '中国語' };
const KO_LANGUAGES: Record<string, string> = { vi: '베트남어', en: '영어', ja: '일본어', ko: '한국어', zh: '중국어' };

const languageNames = new Map<ExplanationLang, Intl.DisplayNames>();

/**
 * A language the tables above do not list (a buyer's German or Thai), named by the runtime's language
 * names in the reader's language (lower-case `tiếng` in running Vietnamese text); the code itself only
 * for a code no language has.
 */
function otherLanguageName(lang: ExplanationLang, code: string): string {
  let names = languageNames.get(lang);
  if (!names) languageNames.set(lang, (names = new Intl.DisplayNames([EXPLANATION_LOCALE[lang]], { type: 'language', fallback: 'none' })));
  let name: string | undefined;
  try {
    name = names.of(code);
  } catch {
    name = undefined; // not a well-formed language code
  }
  if (!name) return code.toUpperCase();
  return lang === 'vi' ? name.replace(/^Tiếng /, 'tiếng ') : name;
}

function english(f: LocaleFormat): Phrases {
  const days = (n: number) => (n === 1 ? '1 day' : `${f.number(n)} days`);
  return {
    noProcessRequired: 'no process required',
    preferredOnly: "read from the need's text, not required: ",
    or: ' or ',
    processOffered: (label) => `${label}: offered`,
    processDescendant: (label, offered) => `${label}: offered as ${offered}, a more specific process`,
    processAncestor: (label, offered) => `${label}: partly covered (offers ${offered}, a more general process)`,
    processSibling: (label, offered) => `${label}: not offered (offers ${offered}, a related process)`,
    processNotOffered: (label) => `${label}: not offered`,
    missingProcess: (label) => `${label} is not offered`,

    historyNone: 'no decisions on similar needs yet',
    historyOn: (needs, parts) => `on ${f.number(needs)} similar need${needs === 1 ? '' : 's'}: ${parts.join(', ')}`,
    historyAwarded: (n) => `awarded ${f.number(n)}`,
    historyAccepted: (n) => `accepted ${f.number(n)}`,
    historyDeclined: (n, reason) => `declined ${f.number(n)} (${reason})`,
    trackRecordNone: 'no published delivery record',
    trackRecordTooFew: (n, min) =>
      `${f.number(n)} published deliver${n === 1 ? 'y' : 'ies'}, fewer than ${f.number(min)}: not enough deliveries to score`,
    trackRecordScored: (n, onTime, ppm) =>
      `on time in ${f.number(onTime, 1)}% of ${f.number(n)} deliveries, ${f.number(ppm, 0)} defective ppm`,
    declineReason: {
      CAPACITY: 'no capacity',
      NOT_OUR_PROCESS: 'not its process',
      CERTIFICATION: 'certification',
      PRICE: 'price',
      TIMING: 'timing',
      OTHER: 'other reason',
    },

    noMaterialWanted: 'no material specified',
    materialsOffered: (labels) => `works with ${list(labels)}`,
    materialRelated: (offered, wanted) => `works with ${offered}, related to ${wanted}`,
    materialsNotOffered: (labels) => `does not work with ${list(labels)}`,
    materialBoughtPerOrder: (labels, family) =>
      `does not list ${list(labels)}; ${family.toLowerCase()} shops usually buy the material per order`,

    noCertificationRequired: 'no certification required',
    certValidUntil: (label, date) => `${label} valid until ${f.date(date)}`,
    certValidOpenEnded: (label) => `${label} valid, no expiry date`,
    certExpired: (label, date) => `${label} expired on ${f.date(date)}`,
    certNotYetValid: (label, date) => `${label} valid only from ${f.date(date)}`,
    certNotHeld: (label) => `${label} not held`,

    noQuantityStated: 'no monthly quantity stated',
    capacityCovers: (have, unit, needed) => `capacity ${f.number(have)} ${unit}/month covers the ${f.number(needed)} needed`,
    capacityBelow: (have, unit, needed) => `capacity ${f.number(have)} ${unit}/month is below the ${f.number(needed)} needed`,
    capacityUnknown: 'cannot compare: capacity unknown',
    capacityOtherUnit: (haveUnit, neededUnit) => `cannot compare: capacity is stated in ${haveUnit}, the need in ${neededUnit}`,
    unit: (code) => unitName(EN_UNITS, code),
    quantity: (value, code) => `${f.number(value)} ${unitName(EN_UNITS, code)}`,

    noLeadTimeLimit: 'no lead-time limit',
    leadTimeWithin: (d, max) => `lead time ${days(d)} within the ${days(max)} allowed`,
    leadTimeOver: (d, max) => `lead time ${days(d)} exceeds the ${days(max)} allowed`,
    leadTimeUnknown: 'lead time unknown',

    noToleranceRequired: 'no tolerance required',
    toleranceHeld: (best, needed) => `holds ±${f.number(best)} mm, needs ±${f.number(needed)} mm`,
    toleranceLooser: (best, needed) => `best tolerance ±${f.number(best)} mm is looser than the ±${f.number(needed)} mm needed`,
    toleranceUnknown: 'best tolerance unknown',

    noMachineSize: 'no machine size asked',
    machineSizeHeld: (kind, have, needed) =>
      `largest ${EN_MACHINE[kind ?? 'ANY']} ${f.number(have)} t, ${f.number(needed)} t or more asked`,
    machineSizeBelow: (kind, have, needed) =>
      `largest ${EN_MACHINE[kind ?? 'ANY']} ${f.number(have)} t, below the ${f.number(needed)} t asked`,
    machineSizeUnknown: (kind) => `${EN_MACHINE[kind ?? 'ANY']} sizes not stated`,

    noDeliveryPoint: 'no delivery point given',
    locationUnknown: 'location unknown',
    distance: (value) => `${f.km(value)} from the delivery plant`,
    distanceBeyond: (value, limitKm) => `${f.km(value)} from the delivery plant, beyond the ${f.km(limitKm)} limit`,
    distanceBand: (from, to) => `${band(f, from, to, 'or more')} from the delivery area (approximate: the buyer is not shown)`,
    distanceBandBeyond: (from, to, limitKm) =>
      `${band(f, from, to, 'or more')} from the delivery area (approximate: the buyer is not shown), beyond the ${f.km(limitKm)} limit`,

    textRelevance: (score) => `search relevance ${f.fixed(score, 2)}`,
    textNoMatch: "not among the best text matches for the need's words",
    textUnknown: 'search relevance unknown',

    verification: { VERIFIED: 'verified by the support centre', UNVERIFIED: 'not yet verified', SUSPENDED: 'suspended' },

    noLanguagePreference: 'no language preference',
    languagesHidden: 'the buyer is not shown, nor its working languages',
    languagesShared: (names) => `shared working language: ${list(names)}`,
    noSharedLanguage: (buyer, supplier) =>
      `no shared working language (buyer: ${list(buyer)}; supplier: ${supplier.length ? list(supplier) : 'none listed'})`,
    languageName: (code) => EN_LANGUAGES[code] ?? otherLanguageName('en', code),

    updated: (date, d) => `profile updated ${f.date(date)}, ${d <= 0 ? 'today' : `${days(d)} ago`}`,
    updateDateUnknown: 'profile update date unknown',

    relaxation: {
      maxDistance: 'the distance limit was dropped',
      tolerance: 'the tolerance requirement was dropped',
      leadTime: 'the lead-time limit was dropped',
      certifications: 'the required certifications were dropped',
      processes: 'the required processes were widened to their parent process',
    },

    emptyNoProcessFamily: 'No supplier offers a process of the families asked for, and no profile shares a word of the need.',
    emptyNoSharedWord: 'No supplier profile shares a word of the need.',
  };
}

function vietnamese(f: LocaleFormat): Phrases {
  return {
    noProcessRequired: 'không yêu cầu quy trình',
    preferredOnly: 'đọc từ mô tả nhu cầu, không bắt buộc: ',
    or: ' hoặc ',
    processOffered: (label) => `${label}: có`,
    processDescendant: (label, offered) => `${label}: có, dạng ${offered} (chuyên sâu hơn)`,
    processAncestor: (label, offered) => `${label}: đáp ứng một phần (có ${offered}, quy trình tổng quát hơn)`,
    processSibling: (label, offered) => `${label}: không có (có ${offered}, quy trình liên quan)`,
    processNotOffered: (label) => `${label}: không có`,
    missingProcess: (label) => `không cung cấp ${label}`,

    historyNone: 'chưa có quyết định nào với nhu cầu tương tự',
    historyOn: (needs, parts) => `với ${f.number(needs)} nhu cầu tương tự: ${parts.join(', ')}`,
    historyAwarded: (n) => `được chọn ${f.number(n)}`,
    historyAccepted: (n) => `nhận lời ${f.number(n)}`,
    historyDeclined: (n, reason) => `từ chối ${f.number(n)} (${reason})`,
    trackRecordNone: 'chưa công bố hồ sơ giao hàng',
    trackRecordTooFew: (n, min) => `${f.number(n)} lần giao đã công bố, ít hơn ${f.number(min)}: chưa đủ lần giao để chấm điểm`,
    trackRecordScored: (n, onTime, ppm) => `đúng hạn ${f.number(onTime, 1)}% trong ${f.number(n)} lần giao, ${f.number(ppm, 0)} ppm lỗi`,
    declineReason: {
      CAPACITY: 'không đủ năng lực',
      NOT_OUR_PROCESS: 'không phải quy trình của mình',
      CERTIFICATION: 'chứng nhận',
      PRICE: 'giá',
      TIMING: 'thời gian',
      OTHER: 'lý do khác',
    },

    noMaterialWanted: 'không yêu cầu vật liệu',
    materialsOffered: (labels) => `có gia công ${list(labels)}`,
    materialRelated: (offered, wanted) => `có gia công ${offered}, gần với ${wanted}`,
    materialsNotOffered: (labels) => `không gia công ${list(labels)}`,
    materialBoughtPerOrder: (labels, family) =>
      `không liệt kê ${list(labels)}; xưởng ${family.toLowerCase()} thường mua vật liệu theo từng đơn hàng`,

    noCertificationRequired: 'không yêu cầu chứng nhận',
    certValidUntil: (label, date) => `${label} còn hiệu lực đến ${f.date(date)}`,
    certValidOpenEnded: (label) => `${label} còn hiệu lực, không có ngày hết hạn`,
    certExpired: (label, date) => `${label} đã hết hạn ngày ${f.date(date)}`,
    certNotYetValid: (label, date) => `${label} chỉ có hiệu lực từ ${f.date(date)}`,
    certNotHeld: (label) => `chưa có ${label}`,

    noQuantityStated: 'không nêu sản lượng hằng tháng',
    capacityCovers: (have, unit, needed) => `năng lực ${f.number(have)} ${unit}/tháng đáp ứng ${f.number(needed)} cần`,
    capacityBelow: (have, unit, needed) => `năng lực ${f.number(have)} ${unit}/tháng thấp hơn ${f.number(needed)} cần`,
    capacityUnknown: 'không so sánh được: chưa rõ năng lực',
    capacityOtherUnit: (haveUnit, neededUnit) => `không so sánh được: năng lực tính theo ${haveUnit}, nhu cầu tính theo ${neededUnit}`,
    unit: (code) => unitName(VI_UNITS, code),
    quantity: (value, code) => `${f.number(value)} ${unitName(VI_UNITS, code)}`,

    noLeadTimeLimit: 'không giới hạn thời gian giao hàng',
    leadTimeWithin: (d, max) => `thời gian giao hàng ${f.number(d)} ngày, trong mức ${f.number(max)} ngày cho phép`,
    leadTimeOver: (d, max) => `thời gian giao hàng ${f.number(d)} ngày, vượt mức ${f.number(max)} ngày cho phép`,
    leadTimeUnknown: 'chưa rõ thời gian giao hàng',

    noToleranceRequired: 'không yêu cầu dung sai',
    toleranceHeld: (best, needed) => `đạt dung sai ±${f.number(best)} mm, cần ±${f.number(needed)} mm`,
    toleranceLooser: (best, needed) => `dung sai tốt nhất ±${f.number(best)} mm, chưa đạt ±${f.number(needed)} mm cần`,
    toleranceUnknown: 'chưa rõ dung sai tốt nhất',

    noMachineSize: 'không yêu cầu cỡ máy',
    machineSizeHeld: (kind, have, needed) => `${VI_MACHINE[kind ?? 'ANY']} lớn nhất ${f.number(have)} tấn, cần từ ${f.number(needed)} tấn`,
    machineSizeBelow: (kind, have, needed) =>
      `${VI_MACHINE[kind ?? 'ANY']} lớn nhất ${f.number(have)} tấn, nhỏ hơn ${f.number(needed)} tấn cần`,
    machineSizeUnknown: (kind) => `chưa rõ cỡ ${VI_MACHINE[kind ?? 'ANY']}`,

    noDeliveryPoint: 'không có điểm giao hàng',
    locationUnknown: 'chưa rõ vị trí',
    distance: (value) => `cách nhà máy nhận hàng ${f.km(value)}`,
    distanceBeyond: (value, limitKm) => `cách nhà máy nhận hàng ${f.km(value)}, vượt giới hạn ${f.km(limitKm)}`,
    distanceBand: (from, to) => `cách khu vực nhận hàng ${band(f, from, to, 'trở lên')} (ước lượng: bên mua được ẩn danh)`,
    distanceBandBeyond: (from, to, limitKm) =>
      `cách khu vực nhận hàng ${band(f, from, to, 'trở lên')} (ước lượng: bên mua được ẩn danh), vượt giới hạn ${f.km(limitKm)}`,

    textRelevance: (score) => `độ liên quan khi tìm kiếm ${f.fixed(score, 2)}`,
    textNoMatch: 'không nằm trong các hồ sơ khớp nhất với lời mô tả nhu cầu',
    textUnknown: 'chưa rõ độ liên quan khi tìm kiếm',

    verification: { VERIFIED: 'đã được trung tâm hỗ trợ xác minh', UNVERIFIED: 'chưa được xác minh', SUSPENDED: 'đang bị tạm ngưng' },

    noLanguagePreference: 'không yêu cầu ngôn ngữ',
    languagesHidden: 'bên mua được ẩn danh, không hiển thị ngôn ngữ làm việc',
    languagesShared: (names) => `có ngôn ngữ làm việc chung: ${list(names)}`,
    noSharedLanguage: (buyer, supplier) =>
      `không có ngôn ngữ làm việc chung (bên mua: ${list(buyer)}; nhà cung cấp: ${supplier.length ? list(supplier) : 'chưa khai báo'})`,
    languageName: (code) => VI_LANGUAGES[code] ?? otherLanguageName('vi', code),

    updated: (date, d) => `hồ sơ cập nhật ngày ${f.date(date)}, ${d <= 0 ? 'hôm nay' : `${f.number(d)} ngày trước`}`,
    updateDateUnknown: 'chưa rõ ngày cập nhật hồ sơ',

    relaxation: {
      maxDistance: 'đã bỏ giới hạn khoảng cách',
      tolerance: 'đã bỏ yêu cầu dung sai',
      leadTime: 'đã bỏ giới hạn thời gian giao hàng',
      certifications: 'đã bỏ yêu cầu chứng nhận',
      processes: 'đã mở rộng quy trình yêu cầu lên quy trình cha',
    },

    emptyNoProcessFamily: 'Không nhà cung cấp nào có quy trình thuộc nhóm được yêu cầu, và không hồ sơ nào có từ nào của nhu cầu.',
    emptyNoSharedWord: 'Không hồ sơ nhà cung cấp nào có từ nào của nhu cầu.',
  };
}

/** Japanese as a procurement engineer writes it: 工程, 公差, リードタイム, 納入工場; lists with 「、」. */
function japanese(f: LocaleFormat): Phrases {
  const jaList = (items: string[]) => list(items, '、');
  return {
    noProcessRequired: '工程の指定なし',
    preferredOnly: '依頼文から読み取った工程（必須ではありません）：',
    or: ' または ',
    processOffered: (label) => `${label}：対応可`,
    processDescendant: (label, offered) => `${label}：対応可（より専門的な工程「${offered}」として）`,
    processAncestor: (label, offered) => `${label}：一部対応（より一般的な工程「${offered}」に対応）`,
    processSibling: (label, offered) => `${label}：対応不可（関連工程「${offered}」に対応）`,
    processNotOffered: (label) => `${label}：対応不可`,
    missingProcess: (label) => `${label}に対応していません`,

    historyNone: '類似案件での判断実績はまだありません',
    historyOn: (needs, parts) => `類似案件${f.number(needs)}件：${jaList(parts)}`,
    historyAwarded: (n) => `受注${f.number(n)}件`,
    historyAccepted: (n) => `承諾${f.number(n)}件`,
    historyDeclined: (n, reason) => `辞退${f.number(n)}件（${reason}）`,
    trackRecordNone: '公開された納入実績はありません',
    trackRecordTooFew: (n, min) => `公開された納入${f.number(n)}件（${f.number(min)}件未満）：評価に足る納入実績がありません`,
    trackRecordScored: (n, onTime, ppm) => `納入${f.number(n)}件のうち納期遵守${f.number(onTime, 1)}%、不良${f.number(ppm, 0)} ppm`,
    declineReason: {
      CAPACITY: '生産能力不足',
      NOT_OUR_PROCESS: '対応工程外',
      CERTIFICATION: '認証',
      PRICE: '価格',
      TIMING: '時期',
      OTHER: 'その他の理由',
    },

    noMaterialWanted: '材料の指定なし',
    materialsOffered: (labels) => `${jaList(labels)}の加工に対応`,
    materialRelated: (offered, wanted) => `${offered}の加工に対応（${wanted}に近い材料）`,
    materialsNotOffered: (labels) => `${jaList(labels)}の加工には対応していません`,
    materialBoughtPerOrder: (labels, family) => `${jaList(labels)}の記載なし（${family}の工場は通常、材料を受注ごとに調達します）`,

    noCertificationRequired: '認証の要件なし',
    certValidUntil: (label, date) => `${label}：${f.date(date)}まで有効`,
    certValidOpenEnded: (label) => `${label}：有効（有効期限なし）`,
    certExpired: (label, date) => `${label}：${f.date(date)}に期限切れ`,
    certNotYetValid: (label, date) => `${label}：${f.date(date)}から有効`,
    certNotHeld: (label) => `${label}：未取得`,

    noQuantityStated: '月間数量の記載なし',
    capacityCovers: (have, unit, needed) => `月産能力${cjkQuantity(f, have, unit)}で、必要数${f.number(needed)}を満たします`,
    capacityBelow: (have, unit, needed) => `月産能力${cjkQuantity(f, have, unit)}は、必要数${f.number(needed)}に届きません`,
    capacityUnknown: '比較できません：生産能力が不明です',
    capacityOtherUnit: (haveUnit, neededUnit) => `比較できません：生産能力の単位は${haveUnit}、依頼の単位は${neededUnit}です`,
    unit: (code) => unitName(JA_UNITS, code),
    quantity: (value, code) => cjkQuantity(f, value, unitName(JA_UNITS, code)),

    noLeadTimeLimit: 'リードタイムの制限なし',
    leadTimeWithin: (d, max) => `リードタイム${f.number(d)}日（許容${f.number(max)}日以内）`,
    leadTimeOver: (d, max) => `リードタイム${f.number(d)}日（許容${f.number(max)}日を超過）`,
    leadTimeUnknown: 'リードタイム不明',

    noToleranceRequired: '公差の要件なし',
    toleranceHeld: (best, needed) => `公差±${f.number(best)} mmに対応（要求：±${f.number(needed)} mm）`,
    toleranceLooser: (best, needed) => `対応可能な公差は±${f.number(best)} mmで、要求の±${f.number(needed)} mmに届きません`,
    toleranceUnknown: '対応可能な公差は不明',

    noMachineSize: '設備サイズの要件なし',
    machineSizeHeld: (kind, have, needed) =>
      `最大の${JA_MACHINE[kind ?? 'ANY']}は${f.number(have)}トン（要求：${f.number(needed)}トン以上）`,
    machineSizeBelow: (kind, have, needed) =>
      `最大の${JA_MACHINE[kind ?? 'ANY']}は${f.number(have)}トンで、要求の${f.number(needed)}トンに届きません`,
    machineSizeUnknown: (kind) => `${JA_MACHINE[kind ?? 'ANY']}の能力は不明`,

    noDeliveryPoint: '納入先の指定なし',
    locationUnknown: '所在地不明',
    distance: (value) => `納入工場から${f.km(value)}`,
    distanceBeyond: (value, limitKm) => `納入工場から${f.km(value)}（上限${f.km(limitKm)}を超過）`,
    distanceBand: (from, to) => `納入地域から${band(f, from, to, '以上')}（概算：発注者は非公開）`,
    distanceBandBeyond: (from, to, limitKm) =>
      `納入地域から${band(f, from, to, '以上')}（概算：発注者は非公開、上限${f.km(limitKm)}を超過）`,

    textRelevance: (score) => `検索の関連度 ${f.fixed(score, 2)}`,
    textNoMatch: 'ニーズの文面に最も合う候補に入っていない',
    textUnknown: '検索の関連度は不明',

    verification: { VERIFIED: '支援センターによる確認済み', UNVERIFIED: '未確認', SUSPENDED: '停止中' },

    noLanguagePreference: '使用言語の指定なし',
    languagesHidden: '発注者は非公開のため、使用言語も表示されません',
    languagesShared: (names) => `共通の業務言語：${jaList(names)}`,
    noSharedLanguage: (buyer, supplier) =>
      `共通の業務言語なし（発注者：${jaList(buyer)}、サプライヤー：${supplier.length ? jaList(supplier) : '記載なし'}）`,
    languageName: (code) => JA_LANGUAGES[code] ?? otherLanguageName('ja', code),

    updated: (date, d) => `プロフィール更新日 ${f.date(date)}（${d <= 0 ? '本日' : `${f.number(d)}日前`}）`,
    updateDateUnknown: 'プロフィールの更新日は不明',

    relaxation: {
      maxDistance: '距離の上限を外しました',
      tolerance: '公差の要件を外しました',
      leadTime: 'リードタイムの上限を外しました',
      certifications: '必要な認証の条件を外しました',
      processes: '必要な工程をその上位の工程まで広げました',
    },

    emptyNoProcessFamily: '要求された工程群に対応するサプライヤーはなく、依頼文の語句を含むプロフィールもありません。',
    emptyNoSharedWord: '依頼文の語句を含むサプライヤーのプロフィールはありません。',
  };
}

/** Korean in the short, noun-ending style of a sourcing report (충족, 미달, 미상). */
function korean(f: LocaleFormat): Phrases {
  return {
    noProcessRequired: '요구 공정 없음',
    preferredOnly: '요청 내용에서 읽은 공정(필수 아님): ',
    or: ' 또는 ',
    processOffered: (label) => `${label}: 가능`,
    processDescendant: (label, offered) => `${label}: 가능 (더 세부적인 공정인 ${offered})`,
    processAncestor: (label, offered) => `${label}: 일부 충족 (더 일반적인 공정인 ${offered} 보유)`,
    processSibling: (label, offered) => `${label}: 불가 (관련 공정인 ${offered} 보유)`,
    processNotOffered: (label) => `${label}: 불가`,
    missingProcess: (label) => `${label} 공정 없음`,

    historyNone: '유사 요청에 대한 결정 이력 없음',
    historyOn: (needs, parts) => `유사 요청 ${f.number(needs)}건: ${list(parts)}`,
    historyAwarded: (n) => `선정 ${f.number(n)}건`,
    historyAccepted: (n) => `수락 ${f.number(n)}건`,
    historyDeclined: (n, reason) => `거절 ${f.number(n)}건 (${reason})`,
    trackRecordNone: '공개된 납품 실적 없음',
    trackRecordTooFew: (n, min) => `공개된 납품 ${f.number(n)}건, ${f.number(min)}건 미만: 평가하기에 납품 실적이 부족함`,
    trackRecordScored: (n, onTime, ppm) => `납품 ${f.number(n)}건 중 납기 준수 ${f.number(onTime, 1)}%, 불량 ${f.number(ppm, 0)} ppm`,
    declineReason: {
      CAPACITY: '생산 능력 부족',
      NOT_OUR_PROCESS: '취급 공정 아님',
      CERTIFICATION: '인증',
      PRICE: '가격',
      TIMING: '일정',
      OTHER: '기타 사유',
    },

    noMaterialWanted: '지정 소재 없음',
    materialsOffered: (labels) => `${list(labels)} 가공 가능`,
    materialRelated: (offered, wanted) => `${offered} 가공 가능 (${wanted}에 가까운 소재)`,
    materialsNotOffered: (labels) => `${list(labels)} 가공 불가`,
    materialBoughtPerOrder: (labels, family) => `${list(labels)} 기재 없음 (${family} 업체는 보통 주문마다 소재를 조달함)`,

    noCertificationRequired: '요구 인증 없음',
    certValidUntil: (label, date) => `${label} ${f.date(date)}까지 유효`,
    certValidOpenEnded: (label) => `${label} 유효 (만료일 없음)`,
    certExpired: (label, date) => `${label} ${f.date(date)} 만료`,
    certNotYetValid: (label, date) => `${label} ${f.date(date)}부터 유효`,
    certNotHeld: (label) => `${label} 미보유`,

    noQuantityStated: '월 수량 미기재',
    capacityCovers: (have, unit, needed) => `월 생산 능력 ${cjkQuantity(f, have, unit)}, 필요 수량 ${f.number(needed)} 충족`,
    capacityBelow: (have, unit, needed) => `월 생산 능력 ${cjkQuantity(f, have, unit)}, 필요 수량 ${f.number(needed)}에 미달`,
    capacityUnknown: '비교 불가: 생산 능력 미상',
    capacityOtherUnit: (haveUnit, neededUnit) => `비교 불가: 생산 능력 단위는 ${haveUnit}, 요청 단위는 ${neededUnit}`,
    unit: (code) => unitName(KO_UNITS, code),
    quantity: (value, code) => cjkQuantity(f, value, unitName(KO_UNITS, code)),

    noLeadTimeLimit: '리드타임 제한 없음',
    leadTimeWithin: (d, max) => `리드타임 ${f.number(d)}일, 허용 ${f.number(max)}일 이내`,
    leadTimeOver: (d, max) => `리드타임 ${f.number(d)}일, 허용 ${f.number(max)}일 초과`,
    leadTimeUnknown: '리드타임 미상',

    noToleranceRequired: '요구 공차 없음',
    toleranceHeld: (best, needed) => `공차 ±${f.number(best)} mm 가능, 요구 ±${f.number(needed)} mm`,
    toleranceLooser: (best, needed) => `최고 공차 ±${f.number(best)} mm, 요구 ±${f.number(needed)} mm에 미달`,
    toleranceUnknown: '최고 공차 미상',

    noMachineSize: '요구 설비 규모 없음',
    machineSizeHeld: (kind, have, needed) => `최대 ${KO_MACHINE[kind ?? 'ANY']} ${f.number(have)}톤, 요구 ${f.number(needed)}톤 이상`,
    machineSizeBelow: (kind, have, needed) => `최대 ${KO_MACHINE[kind ?? 'ANY']} ${f.number(have)}톤, 요구 ${f.number(needed)}톤에 미달`,
    machineSizeUnknown: (kind) => `${KO_MACHINE[kind ?? 'ANY']} 능력 미상`,

    noDeliveryPoint: '납품 지점 없음',
    locationUnknown: '위치 미상',
    distance: (value) => `납품 공장에서 ${f.km(value)}`,
    distanceBeyond: (value, limitKm) => `납품 공장에서 ${f.km(value)}, 한도 ${f.km(limitKm)} 초과`,
    distanceBand: (from, to) => `납품 지역에서 ${band(f, from, to, '이상')} (추정: 구매사 비공개)`,
    distanceBandBeyond: (from, to, limitKm) =>
      `납품 지역에서 ${band(f, from, to, '이상')} (추정: 구매사 비공개), 한도 ${f.km(limitKm)} 초과`,

    textRelevance: (score) => `검색 관련도 ${f.fixed(score, 2)}`,
    textNoMatch: '요청 문구와 가장 잘 맞는 후보에 들지 않음',
    textUnknown: '검색 관련도 미상',

    verification: { VERIFIED: '지원센터 확인 완료', UNVERIFIED: '미확인', SUSPENDED: '정지됨' },

    noLanguagePreference: '선호 언어 없음',
    languagesHidden: '구매사 비공개: 업무 언어도 표시하지 않음',
    languagesShared: (names) => `공통 업무 언어: ${list(names)}`,
    noSharedLanguage: (buyer, supplier) =>
      `공통 업무 언어 없음 (구매사: ${list(buyer)}; 공급사: ${supplier.length ? list(supplier) : '미기재'})`,
    languageName: (code) => KO_LANGUAGES[code] ?? otherLanguageName('ko', code),

    updated: (date, d) => `프로필 업데이트 ${f.date(date)}, ${d <= 0 ? '오늘' : `${f.number(d)}일 전`}`,
    updateDateUnknown: '프로필 업데이트 날짜 미상',

    relaxation: {
      maxDistance: '거리 한도 조건을 제외함',
      tolerance: '공차 요건을 제외함',
      leadTime: '리드타임 한도를 제외함',
      certifications: '요구 인증 조건을 제외함',
      processes: '요구 공정을 상위 공정까지 확대함',
    },

    emptyNoProcessFamily: '요청한 공정군에 해당하는 공급사가 없고, 요청 내용의 단어가 포함된 프로필도 없습니다.',
    emptyNoSharedWord: '요청 내용의 단어가 포함된 공급사 프로필이 없습니다.',
  };
}

const LANGUAGES: Record<ExplanationLang, (f: LocaleFormat) => Phrases> = { vi: vietnamese, en: english, ja: japanese, ko: korean };
const PHRASES = new Map<ExplanationLang, Phrases>();

export function phrasesFor(lang: ExplanationLang): Phrases {
  let phrases = PHRASES.get(lang);
  if (!phrases) PHRASES.set(lang, (phrases = LANGUAGES[lang](localeFormat(lang))));
  return phrases;
}

/** Every sentence of a phrasebook replaced by the empty string (nested tables too). */
function silenced<T extends object>(phrases: T): T {
  return Object.fromEntries(
    Object.entries(phrases).map(([key, value]) => [
      key,
      typeof value === 'function' ? () => '' : typeof value === 'object' && value !== null ? silenced(value as object) : '',
    ]),
  ) as T;
}

/**
 * A phrasebook that writes nothing. The engine scores with it where only the order counts (ranking many,
 * explaining the few returned): the rules compute the same scores and list as many unmet requirements
 * whatever their phrasebook, without formatting a number, a date or a sentence.
 */
export const QUIET_PHRASES: Phrases = silenced(phrasesFor('en'));
