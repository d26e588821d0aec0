import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BuyersService, CreateBuyerInput, CreateSupplierInput, SuppliersService } from '#libs/companies';
import { isCertificateValid } from '#libs/core';
import { Taxonomy } from '#libs/taxonomy';
import { DEMO_REFERENCE_DAY, demoInputs, demoStatus } from './demo-data.service.js';
import { DEMO_INTRODUCTIONS } from './introductions.js';
import { DEMO_NEEDS } from './needs.js';
import { TaxonomyKind } from '#libs/taxonomy';
import { figuresOf } from '#libs/track-records';
import { DEMO_AWARDS } from './awards.js';

const taxonomy = Taxonomy.load();
const { suppliers, buyers } = demoInputs(taxonomy);
// Only the pure validation methods are used, which need nothing but the taxonomy.
const supplierRules = new SuppliersService(null as never, null as never, taxonomy);
const buyerRules = new BuyersService(null as never, null as never, taxonomy);

describe('demo data', () => {
  it('has at least 150 suppliers and 12 FDI buyers with distinct, valid tax codes', () => {
    expect(suppliers.length).toBeGreaterThanOrEqual(150);
    expect(buyers.length).toBeGreaterThanOrEqual(12);
    const codes = [...suppliers, ...buyers].map((c) => c.taxCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(buyers.every((b) => b.countryOfOrigin !== 'VN')).toBe(true);
  });

  it('passes the same validation as the API, field by field', () => {
    for (const input of suppliers) {
      expect(validateSync(plainToInstance(CreateSupplierInput, input)).map((e) => e.property)).toEqual([]);
      expect(supplierRules.problemsOf(input)).toEqual([]);
    }
    for (const input of buyers) {
      expect(validateSync(plainToInstance(CreateBuyerInput, input)).map((e) => e.property)).toEqual([]);
      expect(buyerRules.problemsOf(input)).toEqual([]);
      expect(input.plants!.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic', () => {
    expect(demoInputs(taxonomy)).toEqual({ suppliers, buyers });
  });

  it('spreads over zones (old Hải Dương included), kinds of shop and sizes, with some expired certificates', () => {
    const zones = new Set(suppliers.map((s) => s.zoneCode));
    expect(zones.size).toBeGreaterThanOrEqual(15);
    expect(suppliers.some((s) => ['DAI_AN', 'TAN_TRUONG', 'PHUC_DIEN', 'VSIP_HD', 'LAI_CACH'].includes(s.zoneCode!))).toBe(true);
    const cores = new Set(suppliers.map((s) => s.processes![0]));
    expect(cores.size).toBeGreaterThanOrEqual(8);
    expect(suppliers.some((s) => s.employees! < 50) && suppliers.some((s) => s.employees! > 300)).toBe(true);
    const certs = suppliers.flatMap((s) => s.certifications ?? []);
    const expired = certs.filter((c) => !isCertificateValid(c.validFrom, c.validUntil, DEMO_REFERENCE_DAY));
    expect(expired.length).toBeGreaterThan(5);
    expect(expired.length).toBeLessThan(certs.length / 3);
    expect(certs.some((c) => c.code === 'IATF_16949' && isCertificateValid(c.validFrom, c.validUntil, DEMO_REFERENCE_DAY))).toBe(true);
  });
});

/** Former districts of Hải Phòng and Hải Dương (abolished in 2025, still how locals name places). */
const OLD_DISTRICTS = [
  'Hồng Bàng',
  'Ngô Quyền',
  'Lê Chân',
  'Hải An',
  'Kiến An',
  'Đồ Sơn',
  'Dương Kinh',
  'Thủy Nguyên',
  'An Dương',
  'An Lão',
  'Kiến Thụy',
  'Tiên Lãng',
  'Vĩnh Bảo',
  'Cát Hải',
  'Bạch Long Vĩ',
  'Chí Linh',
  'Kinh Môn',
  'Nam Sách',
  'Kim Thành',
  'Thanh Hà',
  'Cẩm Giàng',
  'Bình Giang',
  'Gia Lộc',
  'Tứ Kỳ',
  'Ninh Giang',
  'Thanh Miện',
];
const fold = (text: string) =>
  ` ${text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

describe('demo supplier names', () => {
  const zones = taxonomy.list(TaxonomyKind.ZONE);
  // A zone's own name without "KCN", its numbering and the bracketed province: "KCN Tràng Duệ 3" → "Tràng Duệ".
  const zoneNames = zones.map((z) =>
    z.labels.vi
      .replace(/^KCN\s+/, '')
      .replace(/\s*\(.*\)\s*$/, '')
      .replace(/\s+(\d+|I+)$/, ''),
  );
  const places = [
    ...new Set([...OLD_DISTRICTS, ...zoneNames, ...zones.flatMap((z) => (z.oldDistrict ? [z.oldDistrict.replace(/\s*\(cũ\)$/, '')] : []))]),
  ];
  /** Everything that says where a zone is: its names, old district and ward. */
  const whereIs = new Map(zones.map((z) => [z.code, fold([...Object.values(z.labels), z.oldDistrict ?? '', z.ward ?? ''].join(' '))]));

  it('name a place only where the supplier sits: "… Đình Vũ" is in a Đình Vũ zone, never in Đại An', () => {
    const misplaced = suppliers.flatMap((s) => {
      const names = fold(`${s.nameVi} ${s.tradeNameEn ?? ''}`);
      return places
        .filter((place) => names.includes(fold(place)) && !whereIs.get(s.zoneCode!)!.includes(fold(place)))
        .map((place) => `${s.nameVi} (${place}) in ${s.zoneCode}`);
    });
    expect(misplaced).toEqual([]);
  });

  it('still carry local place names for a good part of the suppliers, and the address agrees with the zone', () => {
    const local = suppliers.filter((s) => places.some((place) => fold(s.nameVi).includes(fold(place))));
    expect(local.length).toBeGreaterThan(suppliers.length / 5);
    for (const s of suppliers) {
      const zone = zones.find((z) => z.code === s.zoneCode)!;
      expect(s.address?.oldDistrict ?? null).toEqual(zone.oldDistrict ?? null);
      expect(Math.abs(s.location!.latitude - zone.geo!.lat)).toBeLessThan(0.02);
      expect(Math.abs(s.location!.longitude - zone.geo!.lng)).toBeLessThan(0.02);
    }
  });
});

/** A demo supplier a buyer could rightly invite: verified, and offering every one of these processes. */
function expectQualified(index: number, processes: string[]): void {
  const supplier = suppliers[index];
  expect({ supplier: supplier.nameVi, offers: processes.every((p) => supplier.processes!.includes(p)), status: demoStatus(index) }).toEqual(
    {
      supplier: supplier.nameVi,
      offers: true,
      status: 'VERIFIED',
    },
  );
}

describe('demo needs', () => {
  it('use taxonomy codes that exist and buyers that exist', () => {
    for (const need of DEMO_NEEDS) {
      expect(need.buyer).toBeLessThan(buyers.length);
      for (const code of need.processes) expect([code, taxonomy.has(TaxonomyKind.PROCESS, code)]).toEqual([code, true]);
      for (const code of need.materials) expect([code, taxonomy.has(TaxonomyKind.MATERIAL, code)]).toEqual([code, true]);
      for (const code of need.certifications) expect([code, taxonomy.has(TaxonomyKind.CERTIFICATION, code)]).toEqual([code, true]);
    }
    expect(new Set(DEMO_NEEDS.map((n) => n.visibility))).toEqual(new Set(['PUBLIC', 'ANONYMOUS', 'PRIVATE']));
  });

  it("invites verified suppliers that offer the need's process, to open needs; a decline gives its reason and words", () => {
    for (const intro of DEMO_INTRODUCTIONS) {
      const need = DEMO_NEEDS.find((n) => n.title === intro.need);
      expect({ need: intro.need, found: !!need }).toEqual({ need: intro.need, found: true });
      expectQualified(intro.supplier, need!.processes.slice(0, 1));
      if (intro.answer && !intro.answer.accept) expect(intro.answer.text?.length).toBeGreaterThan(10);
    }
    // one of each outcome: waiting in the demo supplier account's inbox, accepted, declined
    expect(DEMO_INTRODUCTIONS.map((i) => (i.answer ? (i.answer.accept ? 'ACCEPTED' : 'DECLINED') : 'INVITED')).sort()).toEqual([
      'ACCEPTED',
      'DECLINED',
      'INVITED',
    ]);
    expect(DEMO_INTRODUCTIONS.find((i) => !i.answer)?.supplier).toBe(0);
  });

  it('awards needs with deliveries: one supplier published with ≥ 5 deliveries (some late, some defective), one not', () => {
    const bucketsOf = (supplier: number) =>
      DEMO_AWARDS.filter((a) => a.supplier === supplier).flatMap((a) =>
        a.deliveries.map((d) => ({
          buyerId: String(a.buyer),
          buyerName: '',
          anonymous: false,
          knownToSupplier: true,
          buyerConsents: a.buyerNamed,
          unit: a.quantity.unit,
          deliveries: 1,
          onTime: d.deliveredOn <= d.promisedOn ? 1 : 0,
          quantity: d.quantity,
          defective: d.defectiveQuantity,
        })),
      );
    // 5 of 7 on time; 43 defective of 63 000 pieces = 682.5 ppm
    expect(figuresOf(bucketsOf(0))).toMatchObject({ deliveries: 7, onTimeRate: 0.7143, defectsPpm: 682.5 });
    expect(figuresOf(bucketsOf(1))).toMatchObject({ deliveries: 6, onTimeRate: 0.5, defectsPpm: 1250 });
    expect(DEMO_AWARDS.filter((a) => a.supplier === 0).every((a) => a.published)).toBe(true);
    expect(DEMO_AWARDS.filter((a) => a.supplier === 1).every((a) => !a.published)).toBe(true);
    for (const award of DEMO_AWARDS) {
      expect(award.processes.every((p) => suppliers[award.supplier].processes!.includes(p))).toBe(true);
      // a supplier that also accepted could have been awarded it: verified, and offering the process
      for (const other of award.alsoAccepted ?? []) expectQualified(other, award.processes);
      for (const d of award.deliveries) {
        expect(d.deliveredOn <= DEMO_REFERENCE_DAY && d.defectiveQuantity <= d.quantity && d.quantity > 0).toBe(true);
      }
    }
  });
});
