import { taxCodes } from '#libs/demo-data';
import { loginAdmin, registerUser, type SignedIn } from './accounts.js';
import type { TestApp } from './test-app.js';

/**
 * The confidential values the fixture plants. Only the owners of the companies (and ADMIN) may
 * ever read them; the authorization sweep greps every other caller's answers for each of them.
 */
export const SECRETS = {
  supplierContactName: 'Chị Lan Bảo Mật',
  supplierContactEmail: 'lan.baomat@supplier-a.example',
  supplierContactPhone: '+84 225 3999 417',
  privateCustomer: 'Khách Hàng Bí Mật KK-77',
  buyerContactName: 'Mr Park Confidential',
  buyerContactEmail: 'park.confidential@buyer-b.example',
  buyerContactPhone: '+84 225 3888 126',
  privateNeedTitle: 'Khuôn dập bí mật PX-4411',
  privateNeedMin: '4321.5',
  privateNeedMax: '8765.25',
  anonymousNeedMin: '1357.75',
  anonymousNeedMax: '2468.5',
  publicNeedMin: '3141.5',
  publicNeedMax: '3999.75',
} as const;

export const BUYER_NAME = 'Hanbit Precision Vina (hidden behind anonymous needs)';
export const BUYER_PLANT = 'Nhà máy Tràng Duệ số 7';

export type Need = { id: string; version: number };

/**
 * Supplier A (verified, a member, contact, a private and a public customer), buyer B (a member,
 * contact, a plant) with a PUBLIC, an ANONYMOUS and a PRIVATE need (each with a target price),
 * B's invitation of A to the private need (accepted) and to the anonymous one (not answered,
 * buyer not revealed); an outsider who is a member of an unrelated verified supplier C and an
 * unrelated buyer D; an ADMIN, an ANALYST and a STAFF. Everything through the API.
 */
export interface ConfidentialFixture {
  admin: SignedIn;
  analyst: SignedIn;
  /** The centre's field staff (STAFF). */
  staff: SignedIn;
  supplierOwner: SignedIn;
  buyerOwner: SignedIn;
  outsider: SignedIn;
  supplierId: string;
  buyerId: string;
  outsiderSupplierId: string;
  outsiderBuyerId: string;
  publicNeed: Need;
  anonymousNeed: Need;
  privateNeed: Need;
  /** B's accepted invitation of A to the private need. */
  privateIntroductionId: string;
  /** B's invitation of A to the anonymous need: unanswered, buyer not revealed. */
  anonymousIntroductionId: string;
  /** A fresh valid tax code on every call. */
  nextTaxCode(): string;
  /** Runs a GraphQL operation and throws on any error. */
  must<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token?: string): Promise<T>;
  createSupplier(owner: SignedIn, extra?: Record<string, unknown>): Promise<Need>;
  createNeed(
    visibility: 'PUBLIC' | 'ANONYMOUS' | 'PRIVATE',
    options?: { publish?: boolean; price?: [number, number]; title?: string },
  ): Promise<Need>;
  /** Invites supplier A to one of B's needs (published); returns the introduction id. */
  invite(needId: string, supplierIds?: string[]): Promise<string>;
  supplierVersion(id: string): Promise<number>;
  buyerVersion(id: string): Promise<number>;
  /** A fresh profile the staff entered on an SME's behalf (unpublished, unclaimed); returns its id. */
  onboardSupplier(): Promise<string>;
  /** A fresh claim code (issued by the staff) for a fresh onboarded profile. */
  freshClaimCode(): Promise<string>;
}

/** `taxCodeBase` fixes the tax codes (two fixtures built alike are then alike, ids and times aside). */
export async function buildConfidentialFixture(t: TestApp, options: { taxCodeBase?: number } = {}): Promise<ConfidentialFixture> {
  const codes = taxCodes('03', options.taxCodeBase ?? 5_100_000 + Math.floor(Math.random() * 1_000_000), 2000);
  let nextCode = 0;
  const nextTaxCode = () => {
    const code = codes[nextCode++];
    if (!code) throw new Error('the fixture ran out of tax codes');
    return code;
  };
  const must = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
    const result = await t.gql<T>(query, variables, token);
    if (result.errors || !result.data) throw new Error(`fixture step failed: ${query.slice(0, 80)} → ${JSON.stringify(result.errors)}`);
    return result.data;
  };

  const admin = await loginAdmin(t);
  const [analyst, supplierOwner, buyerOwner, outsider] = [
    await registerUser(t, 'analyst'),
    await registerUser(t, 'supplier-a'),
    await registerUser(t, 'buyer-b'),
    await registerUser(t, 'outsider'),
  ];
  await must(`mutation($id: ID!) { setUserRole(userId: $id, role: ANALYST) { id } }`, { id: analyst.userId }, admin.token);
  // registered after the others: their display names and emails stay those of fixtures built before STAFF existed
  const staff = await registerUser(t, 'staff');
  await must(`mutation($id: ID!) { setUserRole(userId: $id, role: STAFF) { id } }`, { id: staff.userId }, admin.token);

  const createSupplier = async (owner: SignedIn, extra: Record<string, unknown> = {}): Promise<Need> => {
    const data = await must<{ createSupplier: Need }>(
      `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id version } }`,
      {
        input: {
          taxCode: nextTaxCode(),
          nameVi: `Công ty TNHH Dập Thử ${nextCode}`,
          processes: ['STAMPING'],
          zoneCode: 'TRANG_DUE',
          monthlyCapacity: { value: 80000, unit: 'PCS' },
          ...extra,
        },
      },
      owner.token,
    );
    return data.createSupplier;
  };
  const verify = (id: string) =>
    must(`mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }`, { id }, admin.token);
  const createBuyer = async (owner: SignedIn, name: string, extra: Record<string, unknown> = {}) => {
    const { id } = (
      await must<{ createBuyer: { id: string } }>(
        `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }`,
        {
          input: { taxCode: nextTaxCode(), name, countryOfOrigin: 'KR', plants: [{ name: BUYER_PLANT, zoneCode: 'TRANG_DUE' }], ...extra },
        },
        owner.token,
      )
    ).createBuyer;
    // suppliers see the needs of verified buyers only
    await must(`mutation($id: ID!) { setBuyerVerificationStatus(input: { buyerId: $id, status: VERIFIED }) { id } }`, { id }, admin.token);
    return id;
  };

  const supplier = await createSupplier(supplierOwner, {
    nameVi: 'Công ty TNHH Cơ khí Dập A',
    contact: { name: SECRETS.supplierContactName, email: SECRETS.supplierContactEmail, phone: SECRETS.supplierContactPhone },
    customers: [
      { name: SECRETS.privateCustomer, isPublic: false },
      { name: 'Public Customer Co', isPublic: true },
    ],
    certifications: [{ code: 'ISO_9001', validFrom: '2025-01-01', validUntil: '2030-01-01' }],
  });
  await verify(supplier.id);
  const outsiderSupplier = await createSupplier(outsider, { nameVi: 'Công ty TNHH Người Ngoài C' });
  await verify(outsiderSupplier.id);
  const buyerId = await createBuyer(buyerOwner, BUYER_NAME, {
    contact: { name: SECRETS.buyerContactName, email: SECRETS.buyerContactEmail, phone: SECRETS.buyerContactPhone },
  });
  const outsiderBuyerId = await createBuyer(outsider, 'Outsider Buyer D');

  let needCount = 0;
  const createNeed = async (
    visibility: 'PUBLIC' | 'ANONYMOUS' | 'PRIVATE',
    options: { publish?: boolean; price?: [number, number]; title?: string } = {},
  ): Promise<Need> => {
    needCount += 1;
    const [min, max] = options.price ?? [100, 200];
    const created = (
      await must<{ createSourcingNeed: Need }>(
        `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }`,
        {
          input: {
            buyerId,
            title: options.title ?? `Giá đỡ dập SPCC ${visibility} ${needCount}`,
            visibility,
            processes: ['STAMPING'],
            quantityPerMonth: { value: 20000, unit: 'PCS' },
            targetPrice: { min, max, currency: 'VND' },
            delivery: { plant: BUYER_PLANT },
            maxDistanceKm: 60,
          },
        },
        buyerOwner.token,
      )
    ).createSourcingNeed;
    if (options.publish === false) return created;
    return (
      await must<{ publishSourcingNeed: Need }>(
        `mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id version } }`,
        created,
        buyerOwner.token,
      )
    ).publishSourcingNeed;
  };
  const invite = async (needId: string, supplierIds = [supplier.id]) =>
    (
      await must<{ inviteSuppliers: { id: string; supplierId: string }[] }>(
        `mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { id supplierId } }`,
        { input: { needId, supplierIds } },
        buyerOwner.token,
      )
    ).inviteSuppliers.find((i) => i.supplierId === supplierIds[0])!.id;

  const publicNeed = await createNeed('PUBLIC', { price: [Number(SECRETS.publicNeedMin), Number(SECRETS.publicNeedMax)] });
  const anonymousNeed = await createNeed('ANONYMOUS', { price: [Number(SECRETS.anonymousNeedMin), Number(SECRETS.anonymousNeedMax)] });
  const privateNeed = await createNeed('PRIVATE', {
    price: [Number(SECRETS.privateNeedMin), Number(SECRETS.privateNeedMax)],
    title: SECRETS.privateNeedTitle,
  });
  const privateIntroductionId = await invite(privateNeed.id);
  await must(
    `mutation($id: ID!) { respondToInvitation(input: { introductionId: $id, accept: true }) { id } }`,
    { id: privateIntroductionId },
    supplierOwner.token,
  );
  const anonymousIntroductionId = await invite(anonymousNeed.id);

  const version = (kind: 'supplier' | 'buyer') => async (id: string) =>
    (await must<Record<string, { version: number }>>(`query($id: ID!) { ${kind}(id: $id) { version } }`, { id }, admin.token))[kind]
      .version;
  const onboardSupplier = async () =>
    (
      await must<{ createSupplierOnBehalf: { id: string } }>(
        `mutation($input: CreateSupplierInput!) { createSupplierOnBehalf(input: $input, onboarding: { dataSource: VISIT }) { id } }`,
        { input: { taxCode: nextTaxCode(), nameVi: `Công ty TNHH Nhập Hộ ${nextCode}`, processes: ['STAMPING'] } },
        staff.token,
      )
    ).createSupplierOnBehalf.id;
  const freshClaimCode = async () =>
    (
      await must<{ issueSupplierClaimCode: { code: string } }>(
        `mutation($id: ID!) { issueSupplierClaimCode(supplierId: $id) { code } }`,
        { id: await onboardSupplier() },
        staff.token,
      )
    ).issueSupplierClaimCode.code;
  return {
    admin,
    analyst,
    staff,
    onboardSupplier,
    freshClaimCode,
    supplierOwner,
    buyerOwner,
    outsider,
    supplierId: supplier.id,
    buyerId,
    outsiderSupplierId: outsiderSupplier.id,
    outsiderBuyerId,
    publicNeed,
    anonymousNeed,
    privateNeed,
    privateIntroductionId,
    anonymousIntroductionId,
    nextTaxCode,
    must,
    createSupplier,
    createNeed,
    invite,
    supplierVersion: version('supplier'),
    buyerVersion: version('buyer'),
  };
}
