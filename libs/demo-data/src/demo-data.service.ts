import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { grantMembership, hashPassword, type PlatformRole, upsertUser } from '#libs/accounts';
import { BuyersService, type CreateSupplierInput, DEFAULT_CLAIM_CODE_TTL_DAYS, SuppliersService } from '#libs/companies';
import { logger } from '#libs/core';
import { inTransaction } from '#libs/database';
import { IntroductionsService } from '#libs/introductions';
import { NeedRepository, recordEvent } from '#libs/sourcing';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import { TrackRecordsService } from '#libs/track-records';
import { DEMO_AWARDS } from './awards.js';
import { DEMO_INTRODUCTIONS } from './introductions.js';
import { demoBuyers, generateSuppliers, type ZonePoint } from './generator.js';
import { DEMO_NEEDS } from './needs.js';
import { taxCodes } from './random.js';

export const DEMO_SUPPLIER_COUNT = 160;
export const DEMO_SEED = 20261126;
/** Demo certificates are dated against this day, so the demo reads the same whenever it is loaded. */
export const DEMO_REFERENCE_DAY = '2026-11-26';

export interface DemoReport {
  suppliersCreated: number;
  buyersCreated: number;
  needsCreated: number;
  accounts: string[];
  /** Set only when the demo accounts were created by this call (printed once). */
  accountsPassword?: string;
  /** Set only when this call created the demo's unclaimed, centre-entered profile: its claim code (logged once). */
  claim?: DemoClaim;
}

export interface DemoClaim {
  supplierId: string;
  taxCode: string;
  nameVi: string;
  code: string;
  expiresAt: Date;
}

/**
 * A profile the centre's staff entered after a visit, without the SME's consent yet (so nobody
 * else sees it), waiting to be claimed with the code the first start logs.
 */
const ONBOARDED_SUPPLIER: Omit<CreateSupplierInput, 'taxCode'> = {
  nameVi: 'Công ty TNHH Cơ khí Tân Phát',
  descriptionVi: 'Xưởng tiện CNC và phay chi tiết trục, bạc cho máy nông nghiệp; hồ sơ do cán bộ trung tâm nhập sau chuyến thăm xưởng.',
  zoneCode: 'NAM_DINH_VU',
  processes: ['CNC_TURNING', 'CNC_MILLING'],
  materials: ['STEEL'],
  employees: 28,
  monthlyCapacity: { value: 15000, unit: 'PCS' },
  leadTimeDays: 20,
  languages: ['vi'],
  contact: { name: 'Anh Phát', phone: '+84 225 3000 123' },
} as Omit<CreateSupplierInput, 'taxCode'>;

const DEMO_ACCOUNTS = {
  supplier: 'supplier@demo.hp-support.local',
  buyer: 'buyer@demo.hp-support.local',
  analyst: 'analyst@demo.hp-support.local',
  staff: 'staff@demo.hp-support.local',
};

/** Zones usable as locations: those with coordinates. */
export function zonePoints(taxonomy: Taxonomy): ZonePoint[] {
  return taxonomy
    .list(TaxonomyKind.ZONE)
    .filter((z) => z.geo)
    .map((z) => ({
      code: z.code,
      lat: z.geo!.lat,
      lng: z.geo!.lng,
      ward: z.ward?.split(' / ')[0] || undefined,
      oldDistrict: z.oldDistrict || undefined,
    }));
}

/** The demo inputs, deterministic: the same 160 suppliers and 13 buyers on every machine. */
export function demoInputs(taxonomy: Taxonomy) {
  const zones = zonePoints(taxonomy);
  return {
    suppliers: generateSuppliers({ count: DEMO_SUPPLIER_COUNT, seed: DEMO_SEED, zones, today: DEMO_REFERENCE_DAY }),
    buyers: demoBuyers(new Map(zones.map((z) => [z.code, z]))),
  };
}

/** Verification as the support centre would have left it: most verified, a few suspended. */
export function demoStatus(index: number): 'VERIFIED' | 'UNVERIFIED' | 'SUSPENDED' {
  if (index % 20 === 19) return 'SUSPENDED';
  return index % 3 === 2 ? 'UNVERIFIED' : 'VERIFIED';
}

@Injectable()
export class DemoDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly suppliers: SuppliersService,
    private readonly buyers: BuyersService,
    private readonly taxonomy: Taxonomy,
    private readonly needs: NeedRepository,
    private readonly trackRecords: TrackRecordsService,
    private readonly introductions: IntroductionsService,
  ) {}

  /** Loads whatever part of the demo is missing, in one transaction (idempotent). */
  async load(): Promise<DemoReport> {
    const { suppliers, buyers } = demoInputs(this.taxonomy);
    return inTransaction(this.dataSource, async (manager) => {
      const existingSuppliers = await this.existing(
        manager,
        'suppliers',
        suppliers.map((s) => s.taxCode),
      );
      const supplierIds: string[] = [];
      let suppliersCreated = 0;
      for (const [index, input] of suppliers.entries()) {
        const found = existingSuppliers.get(input.taxCode);
        if (found) {
          supplierIds.push(found);
          continue;
        }
        const id = await this.suppliers.createWithin(manager, input, null);
        await this.suppliers.setVerificationStatusWithin(manager, id, demoStatus(index));
        supplierIds.push(id);
        suppliersCreated += 1;
        if (suppliersCreated % 50 === 0)
          logger.emit('info', 'loading demo suppliers', { done: suppliersCreated, of: suppliers.length }, 'Seed');
      }
      const existingBuyers = await this.existing(
        manager,
        'buyers',
        buyers.map((b) => b.taxCode),
      );
      const buyerIds: string[] = [];
      let buyersCreated = 0;
      for (const input of buyers) {
        const found = existingBuyers.get(input.taxCode);
        if (found) {
          buyerIds.push(found);
          continue;
        }
        // the demo's buyers are the support centre's own fictional examples: verified
        buyerIds.push(await this.buyers.createWithin(manager, input, null, 'VERIFIED'));
        buyersCreated += 1;
      }
      const openNeeds = await this.ensureNeeds(manager, buyerIds);
      await this.ensureIntroductions(manager, openNeeds, supplierIds);
      const needsCreated = openNeeds.size + (await this.ensureAwards(manager, buyerIds, supplierIds));
      const accountsPassword = await this.ensureAccounts(manager, supplierIds[0], buyerIds[0]);
      const claim = await this.ensureOnboardedSupplier(manager);
      return { suppliersCreated, buyersCreated, needsCreated, accounts: Object.values(DEMO_ACCOUNTS), accountsPassword, claim };
    });
  }

  /** Open demo needs, delivered to each buyer's first plant; skipped when the title exists. The ids of those created, by title. */
  private async ensureNeeds(manager: EntityManager, buyerIds: string[]): Promise<Map<string, string>> {
    const created = new Map<string, string>();
    for (const need of DEMO_NEEDS) {
      const buyerId = buyerIds[need.buyer];
      if (!buyerId) continue;
      const [exists] = await manager.query<unknown[]>('SELECT 1 FROM sourcing_needs WHERE buyer_id = $1 AND title = $2', [
        buyerId,
        need.title,
      ]);
      if (exists) continue;
      const [plant] = await manager.query<({ name: string; latitude: number | null; longitude: number | null } | undefined)[]>(
        'SELECT name, latitude, longitude FROM buyer_plants WHERE buyer_id = $1 ORDER BY position LIMIT 1',
        [buyerId],
      );
      const needId = await this.needs.insert(manager, {
        buyerId,
        title: need.title,
        description: need.description,
        processes: need.processes,
        materials: need.materials,
        certifications: need.certifications,
        quantityValue: need.quantity.value,
        quantityUnit: need.quantity.unit,
        priceMin: need.price?.min ?? null,
        priceMax: need.price?.max ?? null,
        priceCurrency: need.price?.currency ?? null,
        toleranceMm: need.toleranceMm ?? null,
        maxLeadTimeDays: need.maxLeadTimeDays ?? null,
        deliveryPlant: plant?.name ?? null,
        deliveryLatitude: plant?.latitude ?? null,
        deliveryLongitude: plant?.longitude ?? null,
        maxDistanceKm: need.maxDistanceKm ?? null,
        status: 'OPEN',
        visibility: need.visibility,
        publishedAt: new Date(),
      });
      for (const action of ['CREATED', 'PUBLISHED'])
        await recordEvent(manager, { needId, actorId: null, action, details: { source: 'demo' } });
      created.set(need.title, needId);
    }
    return created;
  }

  /** The demo invitations (DEMO_INTRODUCTIONS) of the open needs created just now, by the introductions lib. */
  private async ensureIntroductions(manager: EntityManager, created: Map<string, string>, supplierIds: string[]): Promise<void> {
    for (const intro of DEMO_INTRODUCTIONS) {
      const needId = created.get(intro.need);
      const supplierId = supplierIds[intro.supplier];
      if (needId && supplierId)
        await this.introductions.seedIntroduction(manager, { needId, supplierId, message: intro.message, answer: intro.answer });
    }
  }

  /** Awarded demo needs with their deliveries and consents (DEMO_AWARDS); skipped when the title exists. */
  private async ensureAwards(manager: EntityManager, buyerIds: string[], supplierIds: string[]): Promise<number> {
    let created = 0;
    for (const award of DEMO_AWARDS) {
      const [buyerId, supplierId] = [buyerIds[award.buyer], supplierIds[award.supplier]];
      if (!buyerId || !supplierId) continue;
      const [exists] = await manager.query<unknown[]>('SELECT 1 FROM sourcing_needs WHERE buyer_id = $1 AND title = $2', [
        buyerId,
        award.title,
      ]);
      if (exists) continue;
      const needId = await this.needs.insert(manager, {
        buyerId,
        title: award.title,
        description: award.description,
        processes: award.processes,
        materials: [],
        certifications: [],
        quantityValue: award.quantity.value,
        quantityUnit: award.quantity.unit,
        status: 'OPEN',
        visibility: award.visibility,
        publishedAt: new Date(),
      });
      for (const action of ['CREATED', 'PUBLISHED'])
        await recordEvent(manager, { needId, actorId: null, action, details: { source: 'demo' } });
      // invited, accepted and awarded by the introductions lib, as a buyer and its suppliers would
      for (const other of award.alsoAccepted ?? [])
        await this.introductions.seedIntroduction(manager, { needId, supplierId: supplierIds[other], answer: { accept: true } });
      await this.introductions.seedIntroduction(manager, { needId, supplierId, answer: { accept: true }, award: true });
      await this.trackRecords.seedWithin(manager, { needId, buyerId, supplierId, unit: award.quantity.unit }, award.deliveries, {
        published: award.published,
        buyerNamed: award.buyerNamed,
      });
      created += 1;
    }
    return created;
  }

  private async existing(manager: EntityManager, table: 'suppliers' | 'buyers', taxCodes: string[]): Promise<Map<string, string>> {
    const sql =
      table === 'suppliers'
        ? 'SELECT id, tax_code FROM suppliers WHERE tax_code = ANY($1)'
        : 'SELECT id, tax_code FROM buyers WHERE tax_code = ANY($1)';
    const rows: { id: string; tax_code: string }[] = await manager.query(sql, [taxCodes]);
    return new Map(rows.map((r) => [r.tax_code, r.id]));
  }

  /** Demo users: a member of the first supplier, a member of the first buyer, and an analyst. */
  private async ensureAccounts(manager: EntityManager, supplierId: string, buyerId: string): Promise<string | undefined> {
    const present: { email: string }[] = await manager.query('SELECT email FROM users WHERE email = ANY($1)', [
      Object.values(DEMO_ACCOUNTS),
    ]);
    if (present.length === Object.keys(DEMO_ACCOUNTS).length) return undefined;
    const password = randomBytes(9).toString('base64url');
    const hash = await hashPassword(password);
    const create = (email: string, displayName: string, role: PlatformRole) =>
      upsertUser(manager, { email, passwordHash: hash, displayName, role });
    const supplierUser = await create(DEMO_ACCOUNTS.supplier, 'Demo supplier staff', 'MEMBER');
    const buyerUser = await create(DEMO_ACCOUNTS.buyer, 'Demo buyer procurement', 'MEMBER');
    await create(DEMO_ACCOUNTS.analyst, 'Demo support-centre analyst', 'ANALYST');
    await create(DEMO_ACCOUNTS.staff, 'Demo support-centre field staff', 'STAFF');
    await grantMembership(manager, supplierUser, { supplierId });
    await grantMembership(manager, buyerUser, { buyerId });
    return password;
  }

  /** The centre-entered, unclaimed demo profile and its claim code: created once (the code is returned only then). */
  private async ensureOnboardedSupplier(manager: EntityManager): Promise<DemoClaim | undefined> {
    const [taxCode] = taxCodes('02', 3100000, 1);
    if ((await this.existing(manager, 'suppliers', [taxCode])).size) return undefined;
    const [staff] = await manager.query<{ id: string }[]>('SELECT id FROM users WHERE email = $1', [DEMO_ACCOUNTS.staff]);
    const input = { ...ONBOARDED_SUPPLIER, taxCode };
    const actor = { userId: staff.id, role: 'STAFF' as const };
    const supplierId = await this.suppliers.createWithin(manager, input, staff.id, {
      auditBy: actor,
      onBehalf: { dataSource: 'VISIT', consentRecordedBy: null },
    });
    const issued = await this.suppliers.issueClaimCodeWithin(manager, supplierId, actor, DEFAULT_CLAIM_CODE_TTL_DAYS);
    return { supplierId, taxCode, nameVi: input.nameVi, ...issued };
  }
}
