/**
 * Named fixtures shared by the matching scenarios: a tiny in-memory taxonomy, a delivery plant, a
 * baseline need and a baseline supplier that meets it fully. Each scenario derives what it needs from
 * these with `needWith` / `supplierWith`, so a spec reads as "the capable supplier, but …".
 */
import { EARTH_RADIUS_KM } from '../geo.js';
import type { CandidateSpec, ExplanationLang, GeoPoint, MatchContext, NeedSpec, TaxonomyView, Weights } from '../types.js';
import { DEFAULT_WEIGHTS } from '../weights.js';

/** Japanese and Korean labels on a few terms; the others fall back to English, as the real taxonomy does. */
type Term = { parent: string | null; en: string; vi: string; ja?: string; ko?: string };

const PROCESSES: Record<string, Term> = {
  MACHINING: { parent: null, en: 'machining', vi: 'gia công cắt gọt' },
  CNC_MACHINING: { parent: 'MACHINING', en: 'CNC machining', vi: 'gia công CNC' },
  CNC_MILLING: { parent: 'CNC_MACHINING', en: 'CNC milling', vi: 'phay CNC', ja: 'CNCフライス加工', ko: 'CNC 밀링' },
  CNC_TURNING: { parent: 'CNC_MACHINING', en: 'CNC turning', vi: 'tiện CNC' },
  EDM: { parent: 'MACHINING', en: 'EDM', vi: 'gia công tia lửa điện' },
  WIRE_EDM: { parent: 'EDM', en: 'wire EDM', vi: 'cắt dây EDM' },
  SINKER_EDM: { parent: 'EDM', en: 'sinker EDM', vi: 'xung điện EDM' },
  METAL_FORMING: { parent: null, en: 'metal forming', vi: 'tạo hình kim loại' },
  STAMPING: { parent: 'METAL_FORMING', en: 'stamping', vi: 'dập', ja: 'プレス加工', ko: '프레스 가공' },
  PROGRESSIVE_DIE_STAMPING: { parent: 'STAMPING', en: 'progressive die stamping', vi: 'dập liên hoàn' },
};

const MATERIALS: Record<string, Term> = {
  ALUMINIUM: { parent: null, en: 'aluminium', vi: 'nhôm' },
  AL6061: { parent: 'ALUMINIUM', en: 'AL6061 aluminium', vi: 'nhôm AL6061' },
  ADC12: { parent: 'ALUMINIUM', en: 'ADC12 die-cast aluminium', vi: 'nhôm đúc ADC12' },
  STAINLESS_STEEL: { parent: null, en: 'stainless steel', vi: 'thép không gỉ' },
  SUS304: {
    parent: 'STAINLESS_STEEL',
    en: 'SUS304 stainless steel',
    vi: 'inox SUS304',
    ja: 'ステンレス鋼SUS304',
    ko: '스테인리스강 SUS304',
  },
};

const CERTIFICATIONS: Record<string, Omit<Term, 'parent'>> = {
  IATF_16949: { en: 'IATF 16949', vi: 'IATF 16949' },
  ISO_9001: { en: 'ISO 9001', vi: 'ISO 9001' },
  ISO_14001: { en: 'ISO 14001', vi: 'ISO 14001' },
};

/** The fake the service's taxonomy adapter stands in for. Unknown codes have no parent and label as their code. */
export const fakeTaxonomy: TaxonomyView = {
  parentOf: (kind, code) => (kind === 'PROCESS' ? PROCESSES : MATERIALS)[code]?.parent ?? null,
  label: (kind, code, lang) => {
    const terms = kind === 'PROCESS' ? PROCESSES : kind === 'MATERIAL' ? MATERIALS : CERTIFICATIONS;
    const term = terms[code];
    return term ? (term[lang] ?? term.en) : code;
  },
  stockBoughtPerOrder: (process) => (process === 'MACHINING' ? ['ALUMINIUM', 'STAINLESS_STEEL'] : []),
};

/** A Thursday; certificates expiring "yesterday" expired on 2026-11-25. */
export const TODAY = '2026-11-26';
export const YESTERDAY = '2026-11-25';
export const TOMORROW = '2026-11-27';

export function matchContext(overrides: { weights?: Partial<Weights>; lang?: ExplanationLang; today?: string } = {}): MatchContext {
  return {
    taxonomy: fakeTaxonomy,
    weights: { ...DEFAULT_WEIGHTS, ...overrides.weights },
    today: overrides.today ?? TODAY,
    lang: overrides.lang ?? 'en',
  };
}

/** A buyer's plant in Hải Phòng (VSIP area). */
export const deliveryPlant: GeoPoint = { lat: 20.85, lng: 106.65 };

/** A point exactly `km` km due north of the delivery plant (along a meridian the haversine distance is exact). */
export function kmNorthOfPlant(km: number): GeoPoint {
  return { lat: deliveryPlant.lat + (km / EARTH_RADIUS_KM) * (180 / Math.PI), lng: deliveryPlant.lng };
}

/** A Japanese automotive buyer's machined aluminium bracket. */
export const bracketNeed: NeedSpec = {
  id: 'need-bracket',
  processes: ['CNC_MILLING'],
  materials: ['AL6061'],
  certifications: ['IATF_16949'],
  productGroup: 'AUTO_PARTS',
  quantityPerMonth: { value: 50_000, unit: 'PCS' },
  maxLeadTimeDays: 21,
  toleranceMm: 0.02,
  delivery: deliveryPlant,
  maxDistanceKm: 30,
  languages: ['ja', 'en'],
};

/** A need that asks for nothing: every criterion falls back to its neutral "not required" answer. */
export const openNeed: NeedSpec = {
  id: 'need-open',
  processes: [],
  materials: [],
  certifications: [],
  productGroup: null,
  quantityPerMonth: null,
  maxLeadTimeDays: null,
  toleranceMm: null,
  delivery: null,
  maxDistanceKm: null,
  languages: [],
};

/** Meets every requirement of bracketNeed. */
export const capableSupplier: CandidateSpec = {
  id: 'sup-capable',
  name: 'Cơ khí chính xác Tràng Duệ',
  processes: ['CNC_MILLING', 'CNC_TURNING'],
  materials: ['AL6061', 'SUS304'],
  productGroups: ['AUTO_PARTS'],
  certifications: [
    { code: 'IATF_16949', validFrom: '2024-03-15', validUntil: '2027-03-14' },
    { code: 'ISO_9001', validFrom: '2023-01-01', validUntil: '2029-01-01' },
  ],
  monthlyCapacity: { value: 80_000, unit: 'PCS' },
  leadTimeDays: 14,
  bestToleranceMm: 0.01,
  location: kmNorthOfPlant(5),
  verificationStatus: 'VERIFIED',
  languages: ['vi', 'en'],
  updatedAt: '2026-10-01T03:00:00Z',
  textScore: 0.8,
};

export function needWith(overrides: Partial<NeedSpec>, base: NeedSpec = bracketNeed): NeedSpec {
  return { ...base, ...overrides };
}

export function supplierWith(overrides: Partial<CandidateSpec>, base: CandidateSpec = capableSupplier): CandidateSpec {
  return { ...base, ...overrides };
}

export const iatf = (validFrom: string | null, validUntil: string | null) => ({ code: 'IATF_16949', validFrom, validUntil });

// ── hard-constraint exclusion ────────────────────────────────────────────────────────────────────

/** Closer and more relevant than capableSupplier, but without IATF 16949. */
export const uncertifiedNeighbour = supplierWith({
  id: 'sup-uncertified-neighbour',
  name: 'Cơ khí An Dương',
  certifications: [{ code: 'ISO_9001', validFrom: '2023-01-01', validUntil: '2029-01-01' }],
  location: kmNorthOfPlant(2),
  textScore: 0.95,
});

/** Everything right, 50 km away: beyond bracketNeed's 30 km limit. */
export const distantSupplier = supplierWith({ id: 'sup-distant', name: 'Cơ khí Đông Triều', location: kmNorthOfPlant(50) });

// ── expired certificate ──────────────────────────────────────────────────────────────────────────

export const iatfOnlyNeed = needWith({ id: 'need-iatf-only', certifications: ['IATF_16949'] }, openNeed);
export const iatfExpiredYesterday = supplierWith({ id: 'sup-iatf-expired-yesterday', certifications: [iatf('2023-11-25', YESTERDAY)] });
export const iatfExpiringToday = supplierWith({ id: 'sup-iatf-expiring-today', certifications: [iatf('2023-11-26', TODAY)] });
export const iatfValidUntilTomorrow = supplierWith({ id: 'sup-iatf-valid-until-tomorrow', certifications: [iatf('2023-11-27', TOMORROW)] });
export const iatfValidFromToday = supplierWith({ id: 'sup-iatf-valid-from-today', certifications: [iatf(TODAY, null)] });
export const iatfValidFromTomorrow = supplierWith({ id: 'sup-iatf-valid-from-tomorrow', certifications: [iatf(TOMORROW, '2029-11-27')] });
/** The expired certificate is still on file next to its renewal. */
export const iatfRenewed = supplierWith({
  id: 'sup-iatf-renewed',
  certifications: [iatf('2023-11-25', YESTERDAY), iatf(YESTERDAY, '2029-11-25')],
});

// ── partial process coverage ─────────────────────────────────────────────────────────────────────

export const wireEdmNeed = needWith({ id: 'need-wire-edm', processes: ['WIRE_EDM'] }, openNeed);
export const cncMachiningNeed = needWith({ id: 'need-cnc-machining', processes: ['CNC_MACHINING'] }, openNeed);
export const millingAndWireEdmNeed = needWith({ id: 'need-milling-wire-edm', processes: ['CNC_MILLING', 'WIRE_EDM'] }, openNeed);

export const wireEdmShop = supplierWith({ id: 'sup-wire-edm', processes: ['WIRE_EDM'] });
export const edmGeneralist = supplierWith({ id: 'sup-edm-generalist', processes: ['EDM'] });
export const sinkerEdmShop = supplierWith({ id: 'sup-sinker-edm', processes: ['SINKER_EDM'] });
export const stampingShop = supplierWith({ id: 'sup-stamping', processes: ['PROGRESSIVE_DIE_STAMPING'] });
export const millingShop = supplierWith({ id: 'sup-milling', processes: ['CNC_MILLING'] });
export const millingAndSinkerEdmShop = supplierWith({ id: 'sup-milling-sinker-edm', processes: ['CNC_MILLING', 'SINKER_EDM'] });

// ── capacity shortfall ───────────────────────────────────────────────────────────────────────────

export const fiftyThousandPiecesNeed = needWith({ id: 'need-50k-pcs', quantityPerMonth: { value: 50_000, unit: 'PCS' } }, openNeed);
export const smallWorkshop = supplierWith({ id: 'sup-small-workshop', monthlyCapacity: { value: 20_000, unit: 'PCS' } });
export const largePlant = supplierWith({ id: 'sup-large-plant', monthlyCapacity: { value: 80_000, unit: 'PCS' } });
export const capacityInKilograms = supplierWith({ id: 'sup-capacity-kg', monthlyCapacity: { value: 12_000, unit: 'KG' } });
export const capacityUnknown = supplierWith({ id: 'sup-capacity-unknown', monthlyCapacity: null });

// ── weight overrides ─────────────────────────────────────────────────────────────────────────────

/** An electronics buyer who wants ISO 14001 and has no hard distance limit. */
export const iso14001Need = needWith({ id: 'need-iso-14001', certifications: ['ISO_14001'], maxDistanceKm: null });
export const nearbyWithoutIso14001 = supplierWith({ id: 'sup-nearby-no-iso14001', location: kmNorthOfPlant(5) });
export const farWithIso14001 = supplierWith({
  id: 'sup-far-iso14001',
  location: kmNorthOfPlant(80),
  certifications: [...capableSupplier.certifications, { code: 'ISO_14001', validFrom: '2025-06-01', validUntil: '2028-06-01' }],
});
export const distanceHeavyWeights: Partial<Weights> = { distance: 0.4, certifications: 0.05 };
export const certificationsHeavyWeights: Partial<Weights> = { certifications: 0.5, distance: 0.02 };

// ── relaxation ───────────────────────────────────────────────────────────────────────────────────

/** A mould maker's wire-EDM insert: every constraint the plan can relax is set. */
export const mouldInsertNeed = needWith({
  id: 'need-mould-insert',
  processes: ['WIRE_EDM'],
  materials: [],
  certifications: ['IATF_16949'],
  maxDistanceKm: 20,
  maxLeadTimeDays: 14,
  toleranceMm: 0.005,
  quantityPerMonth: null,
});
const mouldShop = supplierWith({ processes: ['WIRE_EDM'], leadTimeDays: 10, bestToleranceMm: 0.005, location: kmNorthOfPlant(8) });
/** Only a related process: found once processes are widened to EDM. */
export const nearbySinkerEdmShop = supplierWith({ id: 'sup-nearby-sinker-edm', processes: ['SINKER_EDM'] }, mouldShop);
/** Fits everything but the 20 km limit. */
export const farWireEdmShop = supplierWith({ id: 'sup-far-wire-edm', location: kmNorthOfPlant(35) }, mouldShop);
/** Fits everything but the 14-day lead time. */
export const slowWireEdmShop = supplierWith({ id: 'sup-slow-wire-edm', leadTimeDays: 30 }, mouldShop);
export const mouldShopPool = [nearbySinkerEdmShop, farWireEdmShop, slowWireEdmShop];

// ── deterministic ties ───────────────────────────────────────────────────────────────────────────

/** Only certifications and search relevance count, so ties are exact. */
export const tieWeights: Weights = {
  processes: 0,
  materials: 0,
  certifications: 1,
  capacity: 0,
  leadTime: 0,
  tolerance: 0,
  machineSize: 0,
  distance: 0,
  text: 1,
  verification: 0,
  languages: 0,
  freshness: 0,
  history: 0,
  trackRecord: 0,
};
export const iso9001Need = needWith({ id: 'need-iso-9001', certifications: ['ISO_9001'] }, openNeed);
const iso9001 = [{ code: 'ISO_9001', validFrom: null, validUntil: null }];
/** 0.5 with nothing missing. */
export const certifiedTwinD = supplierWith({ id: 'sup-d', certifications: iso9001, textScore: 0, verificationStatus: 'VERIFIED' });
/** Same as D in every scored way; wins on id. */
export const certifiedTwinB = supplierWith({ id: 'sup-b', certifications: iso9001, textScore: 0, verificationStatus: 'VERIFIED' });
/** 0.5 with nothing missing, but unverified. */
export const unverifiedTwinC = supplierWith({ id: 'sup-c', certifications: iso9001, textScore: 0, verificationStatus: 'UNVERIFIED' });
/** 0.5 as well (relevance 1, no certificate): one requirement missing. */
export const uncertifiedRelevantA = supplierWith({ id: 'sup-a', certifications: [], textScore: 1, verificationStatus: 'VERIFIED' });
export const tiedPool = [certifiedTwinD, certifiedTwinB, unverifiedTwinC, uncertifiedRelevantA];

// ── random needs and candidates (properties that must hold for any of them) ─────────────────────

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
export function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const some = <T>(items: readonly T[]): T[] => items.filter(() => next() < 0.35);
  const maybe = <T>(value: T): T | null => (next() < 0.5 ? value : null);
  return { next, pick, some, maybe };
}

const RANDOM_PROCESSES = ['MACHINING', 'CNC_MACHINING', 'CNC_MILLING', 'CNC_TURNING', 'EDM', 'WIRE_EDM', 'SINKER_EDM', 'STAMPING'];
const RANDOM_MATERIALS = ['ALUMINIUM', 'AL6061', 'ADC12', 'SUS304'];
const RANDOM_CERTIFICATIONS = ['IATF_16949', 'ISO_9001', 'ISO_14001'];
const RANDOM_DAYS = ['2024-01-01', '2026-11-25', TODAY, '2026-11-27', '2028-06-30'];

export function randomNeed(r: ReturnType<typeof generator>, i: number): NeedSpec {
  return {
    ...bracketNeed,
    id: `need-${i}`,
    processes: r.some(RANDOM_PROCESSES),
    preferredProcesses: r.some(RANDOM_PROCESSES),
    preferredProcessGroups: r.next() < 0.3 ? [r.some(RANDOM_PROCESSES)] : [],
    materials: r.some(RANDOM_MATERIALS),
    certifications: r.some(RANDOM_CERTIFICATIONS),
    quantityPerMonth: r.maybe({ value: r.pick([500, 20_000, 90_000]), unit: r.pick(['PCS', 'KG']) }),
    maxLeadTimeDays: r.maybe(r.pick([7, 21, 45])),
    toleranceMm: r.maybe(r.pick([0.005, 0.02, 0.1])),
    delivery: r.maybe(kmNorthOfPlant(0)),
    maxDistanceKm: r.maybe(r.pick([10, 30, 80])),
    languages: r.some(['vi', 'en', 'ja', 'ko']),
    buyerHidden: r.next() < 0.2,
  };
}

export function randomCandidate(r: ReturnType<typeof generator>, i: number): CandidateSpec {
  return {
    ...capableSupplier,
    id: `sup-${String(i).padStart(3, '0')}`,
    processes: r.some(RANDOM_PROCESSES),
    materials: r.some(RANDOM_MATERIALS),
    certifications: r
      .some(RANDOM_CERTIFICATIONS)
      .map((code) => ({ code, validFrom: r.maybe(r.pick(RANDOM_DAYS)), validUntil: r.maybe(r.pick(RANDOM_DAYS)) })),
    monthlyCapacity: r.maybe({ value: r.pick([1_000, 50_000, 100_000]), unit: r.pick(['PCS', 'KG']) }),
    leadTimeDays: r.maybe(r.pick([5, 20, 60])),
    bestToleranceMm: r.maybe(r.pick([0.002, 0.01, 0.05])),
    location: r.maybe(kmNorthOfPlant(r.pick([2, 15, 40, 120]))),
    verificationStatus: r.pick(['VERIFIED', 'UNVERIFIED', 'SUSPENDED'] as const),
    languages: r.some(['vi', 'en', 'ja', 'ko']),
    updatedAt: r.pick(['2026-11-01T03:00:00Z', '2024-02-01T03:00:00Z', 'not a date']),
    textScore: r.maybe(Math.round(r.next() * 100) / 100),
    decisions: r.maybe({ awarded: r.pick([0, 2]), accepted: r.pick([0, 1]), declined: { CAPACITY: r.pick([0, 1]) } }),
    trackRecord: r.maybe({ deliveries: r.pick([2, 12]), onTimeRate: r.next(), defectsPpm: r.pick([30, 800, 20_000]) }),
  };
}
