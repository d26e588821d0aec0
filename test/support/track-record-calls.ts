import type { ConfidentialFixture, Need } from './confidential-fixture.js';

export const DELIVERY = `id needId supplierId supplierName promisedOn deliveredOn onTime quantity unit defectiveQuantity defectsPpm version`;
export const SCORECARD = `supplierId published minimumDeliveries overall { deliveries onTimeRate defectsPpm volume { unit quantity deliveries } } byBuyer { buyerId buyerName figures { deliveries onTimeRate defectsPpm } }`;

/** One of B's PRIVATE needs, OPEN, to which supplier A accepted B's invitation (through the API). */
export async function acceptedNeed(f: ConfidentialFixture): Promise<Need> {
  const need = await f.createNeed('PRIVATE');
  const introductionId = await f.invite(need.id);
  await f.must(
    `mutation($id: ID!) { respondToInvitation(input: { introductionId: $id, accept: true }) { id } }`,
    { id: introductionId },
    f.supplierOwner.token,
  );
  return need;
}

/** One of B's PRIVATE needs, awarded to supplier A: its id. */
export async function awardedNeed(f: ConfidentialFixture): Promise<string> {
  const need = await acceptedNeed(f);
  await f.must(
    `mutation($n: ID!, $s: ID!, $v: Int!) { awardSourcingNeed(needId: $n, supplierId: $s, version: $v) { id } }`,
    { n: need.id, s: f.supplierId, v: need.version },
    f.buyerOwner.token,
  );
  return need.id;
}

/** A delivery B recorded against a fresh award to A: its id and version. */
export async function recordedDelivery(f: ConfidentialFixture): Promise<{ id: string; version: number; needId: string }> {
  const needId = await awardedNeed(f);
  const { recordDelivery } = await f.must<{ recordDelivery: { id: string; version: number } }>(
    `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id version } }`,
    { input: { needId, promisedOn: '2026-10-01', deliveredOn: '2026-10-02', quantity: 100, unit: 'PCS', defectiveQuantity: 1 } },
    f.buyerOwner.token,
  );
  return { ...recordDelivery, needId };
}
