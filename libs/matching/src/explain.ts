import type { DeclineReason, ExplanationLang, RelaxableConstraint, VerificationStatus } from './types.js';

/**
 * Every sentence the engine can say, once per language. One interface for both languages so the
 * compiler refuses a phrase that exists in English only.
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
  declineReason: Record<DeclineReason, string>;

  noMaterialWanted: string;
  materialsOffered(labels: string[]): string;
  materialRelated(offered: string, wanted: string): string;
  materialsNotOffered(labels: string[]): string;

  noCertificationRequired: string;
  certValidUntil(label: string, date: string): string;
  certValidOpenEnded(label: string): string;
  certExpired(label: string, date: string): string;
  certNotYetValid(label: string, date: string): string;
  certNotHeld(label: string): string;

  noQuantityStated: string;
  capacityCovers(have: string, unit: string, needed: string): string;
  capacityBelow(have: string, unit: string, needed: string): string;
  capacityUnknown: string;
  capacityOtherUnit(haveUnit: string, neededUnit: string): string;
  unit(code: string): string;

  noLeadTimeLimit: string;
  leadTimeWithin(days: number, max: number): string;
  leadTimeOver(days: number, max: number): string;
  leadTimeUnknown: string;

  noToleranceRequired: string;
  toleranceHeld(best: number, needed: number): string;
  toleranceLooser(best: number, needed: number): string;
  toleranceUnknown: string;

  noDeliveryPoint: string;
  locationUnknown: string;
  distance(km: number): string;
  distanceBeyond(km: number, limitKm: number): string;
  /** A hidden buyer's distance, as a band (`to` null: the open band). */
  distanceBand(from: number, to: number | null): string;
  distanceBandBeyond(from: number, to: number | null, limitKm: number): string;

  textRelevance(score: number): string;
  textUnknown: string;

  verification: Record<VerificationStatus, string>;

  noLanguagePreference: string;
  languagesHidden: string;
  languagesShared(names: string[]): string;
  noSharedLanguage(buyer: string[], supplier: string[]): string;
  languageName(code: string): string;

  updated(date: string, days: number): string;
  updateDateUnknown: string;

  relaxation: Record<RelaxableConstraint, string>;
}

/** 50000 → "50 000": space as thousands separator (Vietnamese and SI style), point for decimals, at most 3 decimals. */
export function formatQuantity(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toFixed(3));
  const [whole, fraction] = Math.abs(rounded).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Distances always with one decimal, so "12.3 km" and "50.0 km" read alike. */
function km(value: number): string {
  const [whole, tenth] = value.toFixed(1).split('.');
  return `${formatQuantity(Number(whole))}.${tenth} km`;
}

const limit = (value: number) => `${formatQuantity(value)} km`;
/** A distance band: "10–20 km", or "100 km or more". */
const band = (from: number, to: number | null, orMore: string) =>
  to === null ? `${formatQuantity(from)} km ${orMore}` : `${formatQuantity(from)}–${formatQuantity(to)} km`;
const list = (items: string[]) => items.join(', ');

const EN_UNITS: Record<string, string> = {
  PCS: 'pcs',
  SETS: 'sets',
  KG: 'kg',
  TONNES: 'tonnes',
  METRES: 'm',
  SQUARE_METRES: 'm²',
  MACHINE_HOURS: 'machine hours',
};
const VI_UNITS: Record<string, string> = {
  PCS: 'cái',
  SETS: 'bộ',
  KG: 'kg',
  TONNES: 'tấn',
  METRES: 'm',
  SQUARE_METRES: 'm²',
  MACHINE_HOURS: 'giờ máy',
};
const EN_LANGUAGES: Record<string, string> = { vi: 'Vietnamese', en: 'English', ja: 'Japanese', ko: 'Korean', zh: 'Chinese' };
const VI_LANGUAGES: Record<string, string> = { vi: 'tiếng Việt', en: 'tiếng Anh', ja: 'tiếng Nhật', ko: 'tiếng Hàn', zh: 'tiếng Trung' };
const days = (n: number) => (n === 1 ? '1 day' : `${formatQuantity(n)} days`);

const en: Phrases = {
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
  historyOn: (needs, parts) => `on ${needs} similar need${needs === 1 ? '' : 's'}: ${parts.join(', ')}`,
  historyAwarded: (n) => `awarded ${n}`,
  historyAccepted: (n) => `accepted ${n}`,
  historyDeclined: (n, reason) => `declined ${n} (${reason})`,
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

  noCertificationRequired: 'no certification required',
  certValidUntil: (label, date) => `${label} valid until ${date}`,
  certValidOpenEnded: (label) => `${label} valid, no expiry date`,
  certExpired: (label, date) => `${label} expired on ${date}`,
  certNotYetValid: (label, date) => `${label} valid only from ${date}`,
  certNotHeld: (label) => `${label} not held`,

  noQuantityStated: 'no monthly quantity stated',
  capacityCovers: (have, unit, needed) => `capacity ${have} ${unit}/month covers the ${needed} needed`,
  capacityBelow: (have, unit, needed) => `capacity ${have} ${unit}/month is below the ${needed} needed`,
  capacityUnknown: 'cannot compare: capacity unknown',
  capacityOtherUnit: (haveUnit, neededUnit) => `cannot compare: capacity is stated in ${haveUnit}, the need in ${neededUnit}`,
  unit: (code) => EN_UNITS[code] ?? code.toLowerCase(),

  noLeadTimeLimit: 'no lead-time limit',
  leadTimeWithin: (d, max) => `lead time ${days(d)} within the ${days(max)} allowed`,
  leadTimeOver: (d, max) => `lead time ${days(d)} exceeds the ${days(max)} allowed`,
  leadTimeUnknown: 'lead time unknown',

  noToleranceRequired: 'no tolerance required',
  toleranceHeld: (best, needed) => `holds ±${best} mm, needs ±${needed} mm`,
  toleranceLooser: (best, needed) => `best tolerance ±${best} mm is looser than the ±${needed} mm needed`,
  toleranceUnknown: 'best tolerance unknown',

  noDeliveryPoint: 'no delivery point given',
  locationUnknown: 'location unknown',
  distance: (value) => `${km(value)} from the delivery plant`,
  distanceBeyond: (value, limitKm) => `${km(value)} from the delivery plant, beyond the ${limit(limitKm)} limit`,
  distanceBand: (from, to) => `${band(from, to, 'or more')} from the delivery area (approximate: the buyer is not shown)`,
  distanceBandBeyond: (from, to, limitKm) =>
    `${band(from, to, 'or more')} from the delivery area (approximate: the buyer is not shown), beyond the ${limit(limitKm)} limit`,

  textRelevance: (score) => `search relevance ${score.toFixed(2)}`,
  textUnknown: 'search relevance unknown',

  verification: { VERIFIED: 'verified by the support centre', UNVERIFIED: 'not yet verified', SUSPENDED: 'suspended' },

  noLanguagePreference: 'no language preference',
  languagesHidden: 'the buyer is not shown, nor its working languages',
  languagesShared: (names) => `shared working language: ${list(names)}`,
  noSharedLanguage: (buyer, supplier) =>
    `no shared working language (buyer: ${list(buyer)}; supplier: ${supplier.length ? list(supplier) : 'none listed'})`,
  languageName: (code) => EN_LANGUAGES[code] ?? code.toUpperCase(),

  updated: (date, d) => `profile updated ${date}, ${d <= 0 ? 'today' : `${days(d)} ago`}`,
  updateDateUnknown: 'profile update date unknown',

  relaxation: {
    maxDistance: 'the distance limit was dropped',
    tolerance: 'the tolerance requirement was dropped',
    leadTime: 'the lead-time limit was dropped',
    certifications: 'the required certifications were dropped',
    processes: 'the required processes were widened to their parent process',
  },
};

const vi: Phrases = {
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
  historyOn: (needs, parts) => `với ${needs} nhu cầu tương tự: ${parts.join(', ')}`,
  historyAwarded: (n) => `được chọn ${n}`,
  historyAccepted: (n) => `nhận lời ${n}`,
  historyDeclined: (n, reason) => `từ chối ${n} (${reason})`,
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

  noCertificationRequired: 'không yêu cầu chứng nhận',
  certValidUntil: (label, date) => `${label} còn hiệu lực đến ${date}`,
  certValidOpenEnded: (label) => `${label} còn hiệu lực, không có ngày hết hạn`,
  certExpired: (label, date) => `${label} đã hết hạn ngày ${date}`,
  certNotYetValid: (label, date) => `${label} chỉ có hiệu lực từ ${date}`,
  certNotHeld: (label) => `chưa có ${label}`,

  noQuantityStated: 'không nêu sản lượng hằng tháng',
  capacityCovers: (have, unit, needed) => `năng lực ${have} ${unit}/tháng đáp ứng ${needed} cần`,
  capacityBelow: (have, unit, needed) => `năng lực ${have} ${unit}/tháng thấp hơn ${needed} cần`,
  capacityUnknown: 'không so sánh được: chưa rõ năng lực',
  capacityOtherUnit: (haveUnit, neededUnit) => `không so sánh được: năng lực tính theo ${haveUnit}, nhu cầu tính theo ${neededUnit}`,
  unit: (code) => VI_UNITS[code] ?? code.toLowerCase(),

  noLeadTimeLimit: 'không giới hạn thời gian giao hàng',
  leadTimeWithin: (d, max) => `thời gian giao hàng ${formatQuantity(d)} ngày, trong mức ${formatQuantity(max)} ngày cho phép`,
  leadTimeOver: (d, max) => `thời gian giao hàng ${formatQuantity(d)} ngày, vượt mức ${formatQuantity(max)} ngày cho phép`,
  leadTimeUnknown: 'chưa rõ thời gian giao hàng',

  noToleranceRequired: 'không yêu cầu dung sai',
  toleranceHeld: (best, needed) => `đạt dung sai ±${best} mm, cần ±${needed} mm`,
  toleranceLooser: (best, needed) => `dung sai tốt nhất ±${best} mm, chưa đạt ±${needed} mm cần`,
  toleranceUnknown: 'chưa rõ dung sai tốt nhất',

  noDeliveryPoint: 'không có điểm giao hàng',
  locationUnknown: 'chưa rõ vị trí',
  distance: (value) => `cách nhà máy nhận hàng ${km(value)}`,
  distanceBeyond: (value, limitKm) => `cách nhà máy nhận hàng ${km(value)}, vượt giới hạn ${limit(limitKm)}`,
  distanceBand: (from, to) => `cách khu vực nhận hàng ${band(from, to, 'trở lên')} (ước lượng: bên mua được ẩn danh)`,
  distanceBandBeyond: (from, to, limitKm) =>
    `cách khu vực nhận hàng ${band(from, to, 'trở lên')} (ước lượng: bên mua được ẩn danh), vượt giới hạn ${limit(limitKm)}`,

  textRelevance: (score) => `độ liên quan khi tìm kiếm ${score.toFixed(2)}`,
  textUnknown: 'chưa rõ độ liên quan khi tìm kiếm',

  verification: { VERIFIED: 'đã được trung tâm hỗ trợ xác minh', UNVERIFIED: 'chưa được xác minh', SUSPENDED: 'đang bị tạm ngưng' },

  noLanguagePreference: 'không yêu cầu ngôn ngữ',
  languagesHidden: 'bên mua được ẩn danh, không hiển thị ngôn ngữ làm việc',
  languagesShared: (names) => `có ngôn ngữ làm việc chung: ${list(names)}`,
  noSharedLanguage: (buyer, supplier) =>
    `không có ngôn ngữ làm việc chung (bên mua: ${list(buyer)}; nhà cung cấp: ${supplier.length ? list(supplier) : 'chưa khai báo'})`,
  languageName: (code) => VI_LANGUAGES[code] ?? code.toUpperCase(),

  updated: (date, d) => `hồ sơ cập nhật ngày ${date}, ${d <= 0 ? 'hôm nay' : `${formatQuantity(d)} ngày trước`}`,
  updateDateUnknown: 'chưa rõ ngày cập nhật hồ sơ',

  relaxation: {
    maxDistance: 'đã bỏ giới hạn khoảng cách',
    tolerance: 'đã bỏ yêu cầu dung sai',
    leadTime: 'đã bỏ giới hạn thời gian giao hàng',
    certifications: 'đã bỏ yêu cầu chứng nhận',
    processes: 'đã mở rộng quy trình yêu cầu lên quy trình cha',
  },
};

const PHRASES: Record<ExplanationLang, Phrases> = { en, vi };

export function phrasesFor(lang: ExplanationLang): Phrases {
  return PHRASES[lang];
}
