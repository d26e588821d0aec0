import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BuyersService, CreateBuyerInput, CreateSupplierInput, SuppliersService } from '#libs/companies';
import { isCertificateValid } from '#libs/core';
import { Taxonomy } from '#libs/taxonomy';
import { DEMO_REFERENCE_DAY, demoInputs } from './demo-data.service.js';
import { DEMO_NEEDS } from './needs.js';
import { TaxonomyKind } from '#libs/taxonomy';

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
});
