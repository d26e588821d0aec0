import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import type { SupplierAggregate } from '#libs/companies';
import { Taxonomy } from '#libs/taxonomy';
import { PROFILE_FIELDS, taxonomySynonyms } from './index-settings.js';
import { backoffMs, vietnamMidnight } from './outbox-worker.js';
import { placeKey } from './place-key.js';
import { SearchSuppliersInput } from './search.inputs.js';
import { buildSupplierDocument, dayNumber, nextValidityChange } from './supplier-document.js';
import { buildSupplierSearch, queryLocales, quote } from './supplier-filters.js';

const taxonomy = Taxonomy.load();
const input = (fields: Record<string, unknown>) =>
  plainToInstance(SearchSuppliersInput, { sort: 'RELEVANCE', page: 1, hitsPerPage: 20, lang: 'vi', ...fields });

function aggregate(
  overrides: Partial<SupplierAggregate['supplier']> = {},
  certifications: SupplierAggregate['certifications'] = [],
): SupplierAggregate {
  return {
    supplier: {
      id: '11111111-1111-4111-8111-111111111111',
      taxCode: '0100109106',
      nameVi: 'Công ty A',
      tradeNameEn: null,
      descriptionVi: null,
      descriptionEn: null,
      street: null,
      ward: 'P. Thủy Nguyên / P. An Lư',
      province: 'Hải Phòng',
      oldDistrict: null,
      zoneCode: 'VSIP_HP',
      latitude: 20.9,
      longitude: 106.7,
      website: null,
      contactName: 'Secret Person',
      contactPhone: '+84 999',
      contactEmail: 'secret@example.vn',
      employees: 10,
      foundedYear: 2000,
      ownershipType: 'DOMESTIC',
      ownershipCountry: null,
      sectors: ['AUTOMOTIVE'],
      processes: ['INSERT_MOULDING'],
      materials: ['ABS'],
      productGroups: [],
      monthlyCapacityValue: 1000,
      monthlyCapacityUnit: 'PCS',
      minimumOrderQuantity: null,
      leadTimeDays: 10,
      bestToleranceMm: 0.05,
      exportExperience: false,
      exportMarkets: [],
      languages: ['vi'],
      verificationStatus: 'VERIFIED',
      verifiedAt: null,
      createdBy: null,
      dataSource: null,
      maintainedBy: 'SELF',
      published: true,
      consentRecordedBy: null,
      consentRecordedAt: null,
      claimedBy: null,
      claimedAt: null,
      version: 3,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: new Date('2026-02-01T00:00:00Z'),
      ...overrides,
    },
    certifications: certifications,
    equipment: [],
    customers: [
      { id: 'c1', supplierId: 'x', position: 0, name: 'Hidden OEM', isPublic: false },
      { id: 'c2', supplierId: 'x', position: 1, name: 'Open OEM', isPublic: true },
    ],
  };
}

const cert = (code: string, validFrom: string | null, validUntil: string | null) => ({
  id: code,
  supplierId: 'x',
  position: 0,
  code,
  certificateNumber: null,
  issuingBody: null,
  scope: null,
  validFrom,
  validUntil,
});

describe('search documents', () => {
  it('carry only public fields', () => {
    const raw = JSON.stringify(buildSupplierDocument(aggregate(), taxonomy, '2026-11-26'));
    expect(raw).not.toMatch(/Secret Person|secret@example|\+84 999|Hidden OEM/);
    expect(raw).toMatch(/Open OEM/);
  });

  it('list every field of the public profile as retrievable on its own (a search retrieves only those selected)', () => {
    const doc = buildSupplierDocument(aggregate(), taxonomy, '2026-11-26');
    expect(Object.keys(doc.profile).sort()).toEqual([...PROFILE_FIELDS].sort());
  });

  it('index process ancestors for filters and family texts for search', () => {
    const doc = buildSupplierDocument(aggregate(), taxonomy, '2026-11-26');
    expect(doc.processTree).toEqual(['INSERT_MOULDING', 'INJECTION_MOULDING', 'PLASTIC_MOULDING']);
    expect(doc.processFamilyEn.join(' ')).toMatch(/injection/i);
    expect(doc.wardKeys).toEqual(['thuy-nguyen', 'an-lu']);
  });

  it('count a certificate until the day before it expires', () => {
    const certs = [
      cert('IATF_16949', '2025-01-01', '2026-11-27'),
      cert('ISO_9001', '2020-01-01', '2026-11-26'),
      cert('ISO_14001', '2026-12-01', null),
    ];
    expect(buildSupplierDocument(aggregate({}, certs), taxonomy, '2026-11-26').certifications).toEqual(['IATF_16949']);
    expect(buildSupplierDocument(aggregate({}, certs), taxonomy, '2026-11-27').certifications).toEqual([]);
    expect(buildSupplierDocument(aggregate({}, certs), taxonomy, '2026-12-01').certifications).toEqual(['ISO_14001']);
    const doc = buildSupplierDocument(aggregate({}, certs), taxonomy, '2026-11-26');
    expect(doc.certUntil).toEqual({ IATF_16949: dayNumber('2026-11-27'), ISO_9001: dayNumber('2026-11-26'), ISO_14001: 999999 });
    expect(nextValidityChange(certs, '2026-11-26')).toBe('2026-11-27');
    expect(nextValidityChange(certs, '2026-11-27')).toBe('2026-12-01');
    expect(nextValidityChange(certs, '2026-12-01')).toBeNull();
  });

  it('are deterministic, and the checksum follows any change', () => {
    const a = buildSupplierDocument(aggregate(), taxonomy, '2026-11-26');
    expect(buildSupplierDocument(aggregate(), taxonomy, '2026-11-26')).toEqual(a);
    expect(buildSupplierDocument(aggregate({ employees: 11 }), taxonomy, '2026-11-26').checksum).not.toBe(a.checksum);
  });
});

describe('search filters', () => {
  it('are built from codes and numbers only', () => {
    const built = buildSupplierSearch(
      input({
        processesAnyOf: ['MACHINING'],
        certifications: ['IATF_16949'],
        minEmployees: 50,
        near: { lat: 20.8, lng: 106.7, radiusKm: 12.5 },
        sort: 'DISTANCE',
      }),
      taxonomy,
      '2026-11-26',
    );
    const day = dayNumber('2026-11-26');
    expect(built.filter).toEqual([
      'verificationStatus != "SUSPENDED"',
      'processTree IN ["MACHINING"]',
      `certUntil.IATF_16949 > ${day} AND certFrom.IATF_16949 <= ${day}`,
      'employees >= 50',
      '_geoRadius(20.8, 106.7, 12500)',
    ]);
    expect(built.sort).toEqual(['_geoPoint(20.8, 106.7):asc']);
  });

  it('reduce hostile place names to inert keys', () => {
    const built = buildSupplierSearch(
      input({ wards: ['" OR id EXISTS', 'x\\" OR verificationStatus = "SUSPENDED'] }),
      taxonomy,
      '2026-11-26',
    );
    expect(built.filter[1]).toBe('wardKeys IN ["or-id-exists", "or-verificationstatus-suspended"]');
  });

  it('reject unknown codes with the field path', () => {
    expect(() => buildSupplierSearch(input({ zones: ['VSIP_HP', 'ATLANTIS'] }), taxonomy, '2026-11-26')).toThrow(
      /input.zones.1|1 invalid|Invalid value for input.zones.1/,
    );
  });

  it('quote and escape', () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(placeKey('Phường Thủy Nguyên')).toBe('thuy-nguyen');
    expect(placeKey('X. An Lão')).toBe('an-lao');
  });

  it('say which language a CJK query is in', () => {
    expect(queryLocales('切削加工')).toEqual(['jpn']);
    expect(queryLocales('プレス')).toEqual(['jpn']);
    expect(queryLocales('CNC 가공')).toEqual(['kor']);
    expect(queryLocales('gia công CNC')).toBeUndefined();
  });
});

describe('taxonomy synonyms', () => {
  const synonyms = taxonomySynonyms(taxonomy);
  it('point one-word forms in any language at the Vietnamese and English labels', () => {
    expect(Object.keys(synonyms).every((key) => !/\s/.test(key))).toBe(true);
    expect(Object.values(synonyms).every((targets) => targets.every((t) => t.split(/\s+/).length <= 3) && targets.length <= 4)).toBe(true);
    expect(synonyms['射出成形']).toEqual(expect.arrayContaining(['plastic injection moulding']));
    expect(synonyms['inox']).toEqual(['stainless steel']);
    expect(Object.keys(synonyms).length).toBeGreaterThan(500);
  });
});

describe('outbox retries', () => {
  it('back off exponentially with jitter, capped', () => {
    expect(backoffMs(1, 500, 60000, () => 0.5)).toBe(500);
    expect(backoffMs(4, 500, 60000, () => 0.5)).toBe(4000);
    expect(backoffMs(30, 500, 60000, () => 0.5)).toBe(60000);
    expect(backoffMs(30, 500, 60000, () => 0)).toBe(30000);
    expect(backoffMs(30, 500, 60000, () => 0.999)).toBeLessThan(90000);
    expect(vietnamMidnight('2027-03-01').toISOString()).toBe('2027-02-28T17:00:00.000Z');
  });
});
