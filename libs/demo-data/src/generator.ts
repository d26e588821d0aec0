import type { CreateBuyerInput, CreateSupplierInput } from '#libs/companies';
import { ARCHETYPES, type Archetype } from './archetypes.js';
import { BUYERS } from './buyers.js';
import { SeededRandom, taxCodes } from './random.js';

/** An industrial zone as the generator needs it. */
export interface ZonePoint {
  code: string;
  lat: number;
  lng: number;
  ward?: string;
  oldDistrict?: string;
}

/** Words for company names that name no place: a place in a name must be where the company is. */
const NAME_WORDS = [
  'Hưng Thịnh',
  'Tân Phát',
  'Đức Minh',
  'An Bình',
  'Hải Long',
  'Việt Nhật',
  'Thành Công',
  'Đông Á',
  'Thịnh Phát',
  'Phúc Lộc',
  'Đại Thành',
  'Tiến Đạt',
  'Trường Sơn',
  'Kim Long',
  'Sao Mai',
  'Phương Đông',
  'Quang Trung',
  'Hoàng Gia',
  'Toàn Cầu',
  'Vạn Xuân',
  'Nhật Quang',
  'Thái Bình Dương',
  'Hợp Nhất',
  'Bảo Minh',
  'Tín Nghĩa',
  'Thuận Phong',
  'Hưng Long',
  'Đông Dương',
  'Á Châu',
  'Trí Việt',
  'Vĩnh Phát',
  'Nam Phong',
  'Phát Đạt',
  'Tân Tiến',
  'Gia Phát',
  'Minh Phát',
  'Đại Việt',
  'Hoàng Long',
  'Tâm Đức',
  'Nhật Tân',
];
/** Every third supplier of a zone listed here carries a place name, taken from where it sits. */
const EVERY_NTH_LOCAL_NAME = 3;
/**
 * The place names a local would give a company in each zone: the zone's own name and its (old)
 * district. Zones whose old district is just "Hải Dương (cũ)" keep their own name only.
 */
export const ZONE_PLACE_NAMES: Readonly<Record<string, readonly string[]>> = {
  VSIP_HP: ['Thủy Nguyên'],
  TRANG_DUE: ['Tràng Duệ', 'An Dương'],
  TRANG_DUE_3: ['Tràng Duệ', 'An Lão'],
  NOMURA_HP: ['An Dương'],
  DEEP_C_1: ['Đình Vũ', 'Hải An'],
  DEEP_C_2: ['Hải An'],
  DEEP_C_3: ['Cát Hải'],
  NAM_DINH_VU: ['Đình Vũ', 'Hải An'],
  AN_DUONG: ['An Dương'],
  NAM_CAU_KIEN: ['Cầu Kiền', 'Thủy Nguyên'],
  DO_SON: ['Đồ Sơn'],
  TAN_TRAO: ['Kiến Thụy'],
  TIEN_THANH: ['Tiên Lãng'],
  TAN_LIEN: ['Vĩnh Bảo'],
  VINFAST_CAT_HAI: ['Cát Hải'],
  DAI_AN: ['Đại An'],
  TAN_TRUONG: ['Tân Trường'],
  PHUC_DIEN: ['Phúc Điền'],
  LAI_VU: ['Lai Vu'],
  VIET_HOA_KENMARK: ['Việt Hòa'],
  LAI_CACH: ['Lai Cách'],
  CONG_HOA: ['Chí Linh'],
  PHU_THAI: ['Phú Thái', 'Kim Thành'],
  VSIP_HD: ['Cẩm Giàng'],
};
const LEGAL_FORMS = [
  { vi: 'Công ty TNHH', en: 'Co., Ltd' },
  { vi: 'Công ty Cổ phần', en: 'JSC' },
];
const STREETS = [
  'Lê Hồng Phong',
  'Nguyễn Văn Linh',
  'Trần Hưng Đạo',
  'Lạch Tray',
  'Tôn Đức Thắng',
  'Đường số 3',
  'Đường số 7',
  'Phạm Văn Đồng',
  'Nguyễn Lương Bằng',
  'Đường 5 cũ',
];
const ISSUERS = ['Bureau Veritas Việt Nam', 'TÜV Rheinland Vietnam', 'SGS Vietnam', 'QUACERT', 'Intertek Vietnam', 'DNV Vietnam'];
const PUBLIC_CUSTOMERS = [
  'Hanul Display Vina',
  'Kaisei Office Systems Vietnam',
  'Formosa Peak Computing VN',
  'Shirakawa Wiring Vietnam',
  'Rhein Automotive Components VN',
  'Sao Biển Motors',
];
const PRIVATE_CUSTOMERS = ['Undisclosed Japanese OEM', 'Tier-1 automotive supplier (NDA)', 'Korean display maker (NDA)'];
const ASCII = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

function pickArchetype(random: SeededRandom): Archetype {
  const total = ARCHETYPES.reduce((sum, a) => sum + a.weight, 0);
  let roll = random.next() * total;
  for (const archetype of ARCHETYPES) {
    roll -= archetype.weight;
    if (roll < 0) return archetype;
  }
  return ARCHETYPES[0];
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface SupplierGenerationOptions {
  count: number;
  seed: number;
  zones: ZonePoint[];
  /** The reference day for certificate dates (so that some are expired, some about to lapse). */
  today: string;
  /** Tax-code sequence start; distinct ranges give distinct suppliers. */
  taxSequenceStart?: number;
  /** Two-digit prefix of the tax codes (demo: 02; synthetic data: 04, so the two never collide). */
  taxPrefix?: string;
}

/**
 * Fictional but plausible supplier profiles: coherent processes, materials, machines and
 * certificates per kind of shop, spread over Hải Phòng's industrial zones, deterministic for a seed.
 */
export function generateSuppliers(options: SupplierGenerationOptions): CreateSupplierInput[] {
  const random = new SeededRandom(options.seed);
  const codes = taxCodes(options.taxPrefix ?? '02', options.taxSequenceStart ?? 1100000, options.count);
  const todayYear = Number(options.today.slice(0, 4));
  return codes.map((taxCode, index) => {
    const archetype = pickArchetype(random);
    const zone = random.pick(options.zones);
    // Always drawn, so that choosing a place name leaves every other generated field unchanged.
    const neutralWords = random.pick(NAME_WORDS);
    const places = ZONE_PLACE_NAMES[zone.code] ?? [];
    const words =
      places.length && index % EVERY_NTH_LOCAL_NAME === 0 ? places[(index / EVERY_NTH_LOCAL_NAME) % places.length] : neutralWords;
    const form = random.pick(LEGAL_FORMS);
    const size = random.next();
    const employees = size < 0.5 ? random.int(12, 80) : size < 0.85 ? random.int(80, 300) : random.int(300, 1500);
    const scale = employees / 300;
    const processes = [...archetype.coreProcesses, ...random.sample(archetype.extraProcesses, random.int(1, 3))];
    const certifications = archetype.certifications
      .filter(([, p]) => random.chance(Math.min(0.95, p * (0.6 + scale))))
      .map(([code]) => {
        const expiryRoll = random.next();
        // ~12% expired, ~8% lapsing within 90 days, the rest valid for 1–3 years.
        const untilYear = expiryRoll < 0.12 ? todayYear - 1 : expiryRoll < 0.2 ? todayYear : todayYear + random.int(1, 3);
        const untilMonth =
          expiryRoll >= 0.12 && expiryRoll < 0.2 ? Math.min(12, Number(options.today.slice(5, 7)) + random.int(0, 2)) : random.int(1, 12);
        const validUntil = isoDate(untilYear, untilMonth, random.int(1, 28));
        return {
          code,
          certificateNumber: `${code.replace(/_/g, '')}-${random.int(10000, 99999)}`,
          issuingBody: random.pick(ISSUERS),
          scope: archetype.describe.en.split(':')[0],
          validFrom: isoDate(untilYear - 3, untilMonth, 1),
          validUntil: validUntil > isoDate(untilYear - 3, untilMonth, 1) ? validUntil : isoDate(untilYear, untilMonth, 28),
        };
      });
    const equipment = archetype.equipment.map((e) => ({
      kind: e.kind as never,
      maker: random.pick(e.makers),
      count: Math.max(1, Math.round(random.int(1, 12) * (0.5 + scale))),
      ...(e.spec === 'press' ? { pressTonnage: random.pick([45, 60, 80, 110, 160, 200, 250, 300, 400, 600]) } : {}),
      ...(e.spec === 'clamp' ? { clampForceTonnes: random.pick([80, 120, 160, 220, 280, 350, 450, 650, 850]) } : {}),
      ...(e.spec === 'axes' ? { axes: random.pick([3, 3, 3, 4, 5]) } : {}),
    }));
    const [lo, hi] = archetype.capacityRange;
    const capacity = Math.round((lo + (hi - lo) * random.next() * random.next()) * (0.5 + scale));
    const tolerance = archetype.toleranceRange
      ? Number((archetype.toleranceRange[0] + (archetype.toleranceRange[1] - archetype.toleranceRange[0]) * random.next()).toFixed(3))
      : undefined;
    const nameVi = `${form.vi} ${archetype.nameStem.vi} ${words}`;
    const ownershipRoll = random.next();
    const ownership =
      ownershipRoll < 0.8
        ? { type: 'DOMESTIC' }
        : ownershipRoll < 0.92
          ? { type: 'FDI', country: random.pick(['JP', 'KR', 'TW', 'CN']) }
          : { type: 'JOINT_VENTURE', country: random.pick(['JP', 'KR']) };
    const exporter = random.chance(0.3 + scale * 0.3);
    const slug = ASCII(words).toLowerCase().replace(/\s+/g, '');
    return {
      taxCode,
      nameVi,
      tradeNameEn: `${ASCII(words)} ${archetype.nameStem.en} ${form.en}`,
      descriptionVi: archetype.describe.vi,
      descriptionEn: archetype.describe.en,
      address: {
        street: `Lô ${String.fromCharCode(65 + random.int(0, 7))}${random.int(1, 40)}, ${random.pick(STREETS)}`,
        ward: zone.ward,
        province: 'Hải Phòng',
        oldDistrict: zone.oldDistrict,
      },
      zoneCode: zone.code,
      location: {
        latitude: Number((zone.lat + (random.next() - 0.5) * 0.02).toFixed(5)),
        longitude: Number((zone.lng + (random.next() - 0.5) * 0.02).toFixed(5)),
      },
      website: `https://${slug}${index}.example.vn`,
      contact: {
        name: `Phòng kinh doanh ${words}`,
        phone: `+84 225 ${random.int(3500, 3999)} ${random.int(100, 999)}`,
        email: `sales@${slug}${index}.example.vn`,
      },
      employees,
      foundedYear: random.int(1995, todayYear - 1),
      ownership: ownership as never,
      sectors: random.sample(archetype.sectors, random.int(1, 2)),
      processes,
      materials: random.sample(archetype.materials, random.int(2, 4)),
      productGroups: random.sample(archetype.productGroups, random.int(1, 2)),
      certifications,
      equipment,
      monthlyCapacity: { value: capacity, unit: archetype.capacityUnit as never },
      minimumOrderQuantity: archetype.capacityUnit === 'PCS' ? random.pick([100, 500, 1000, 5000, 10000]) : random.int(1, 50),
      leadTimeDays: random.int(7, 60),
      bestToleranceMm: tolerance,
      exportExperience: exporter,
      exportMarkets: exporter ? random.sample(['JP', 'KR', 'US', 'DE', 'TH', 'CN'], random.int(1, 3)) : [],
      customers: [
        ...random.sample(PUBLIC_CUSTOMERS, random.int(0, 2)).map((name) => ({ name, isPublic: true })),
        ...random.sample(PRIVATE_CUSTOMERS, random.int(0, 1)).map((name) => ({ name, isPublic: false })),
      ],
      languages: [
        'vi',
        ...(random.chance(0.5) ? ['en'] : []),
        ...(random.chance(0.2) ? ['ja'] : []),
        ...(random.chance(0.15) ? ['ko'] : []),
      ],
    };
  });
}

/** The fictional FDI buyers of the demo (real geography, invented companies). */
export function demoBuyers(zones: Map<string, ZonePoint>): CreateBuyerInput[] {
  const codes = taxCodes('02', 2100000, BUYERS.length);
  return BUYERS.map((buyer, i) => ({
    taxCode: codes[i],
    name: buyer.name,
    nameVi: buyer.nameVi,
    countryOfOrigin: buyer.country,
    description: buyer.description,
    website: `https://${ASCII(buyer.name)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')}.example.com`,
    contact: {
      name: buyer.contactName,
      email: `sourcing@${ASCII(buyer.name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '')}.example.com`,
      phone: `+84 225 3${String(600 + i * 7).padStart(3, '0')} 000`,
    },
    sectors: buyer.sectors,
    plants: buyer.plants.filter((p) => zones.has(p.zone)).map((p) => ({ name: p.name, zoneCode: p.zone })),
    languages: buyer.languages,
  }));
}
