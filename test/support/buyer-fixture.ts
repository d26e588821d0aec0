import { freshTaxCode } from './tax-codes.js';
import { ADMIN_PASSWORD, type WebStack } from './web.js';

export { freshTaxCode };

export const PASSWORD = 'buyer-web-test-password';

async function must<T>(result: Promise<{ data?: T; errors?: unknown }>): Promise<T> {
  const { data, errors } = await result;
  if (errors || !data) throw new Error(JSON.stringify(errors));
  return data;
}

export async function registerUser(web: WebStack, email: string, name: string): Promise<string> {
  const data = await must<{ register: { accessToken: string } }>(
    web.gql('mutation($input: RegisterInput!) { register(input: $input) { accessToken } }', {
      input: { email, password: PASSWORD, displayName: name },
    }),
  );
  return data.register.accessToken;
}

export async function adminToken(web: WebStack): Promise<string> {
  const data = await must<{ login: { accessToken: string } }>(
    web.gql('mutation($p: String!) { login(email: "admin@hp-support.local", password: $p) { accessToken } }', { p: ADMIN_PASSWORD }),
  );
  return data.login.accessToken;
}

/** A buyer with one plant, verified by the centre (suppliers see a verified buyer's needs only). */
export async function verifiedBuyer(web: WebStack, token: string, admin: string, name: string, zoneCode: string): Promise<string> {
  const created = await must<{ createBuyer: { id: string } }>(
    web.gql(
      'mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }',
      {
        input: {
          taxCode: freshTaxCode('01'),
          name,
          countryOfOrigin: 'JP',
          contact: { name: 'Sato Procurement', email: 'sato@buyer.example.jp' },
          plants: [{ name: `${name} plant`, zoneCode }],
        },
      },
      token,
    ),
  );
  await must(
    web.gql(
      'mutation($id: ID!) { setBuyerVerificationStatus(input: { buyerId: $id, status: VERIFIED }) { id } }',
      { id: created.createBuyer.id },
      admin,
    ),
  );
  return created.createBuyer.id;
}

/** A verified supplier able to make what the need asks for, near the buyer's plant. */
export async function verifiedSupplier(web: WebStack, token: string, admin: string, input: Record<string, unknown>): Promise<string> {
  const created = await must<{ createSupplier: { id: string } }>(
    web.gql(
      'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }',
      { input: { taxCode: freshTaxCode(), ...input } },
      token,
    ),
  );
  await must(
    web.gql(
      'mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }',
      { id: created.createSupplier.id },
      admin,
    ),
  );
  return created.createSupplier.id;
}
