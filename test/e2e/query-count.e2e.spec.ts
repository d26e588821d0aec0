import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { BuyersService } from '#libs/companies';
import { inTransaction } from '#libs/database';
import { demoInputs, generateInto } from '#libs/demo-data';
import { NeedRepository } from '#libs/sourcing';
import { Taxonomy } from '#libs/taxonomy';
import { loginAdmin, type SignedIn } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * N+1 guard: the SQL statements of a page must not grow with its size. Every statement the API's
 * DataSource runs while one request is served is counted (TypeORM's logger sees each one); the
 * background search worker's statements (outbox, advisory locks) are left out.
 */
describe('queries per page do not grow with the page size', () => {
  let t: TestApp;
  let admin: SignedIn;
  let statements: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ SEARCH_WORKER_IN_PROCESS: 'false' });
    admin = await loginAdmin(t);
    const dataSource = t.app.get(DataSource);
    const taxonomy = t.app.get(Taxonomy);
    // 13 buyers with 110 needs spread over them, and 110 suppliers.
    const buyers = t.app.get(BuyersService);
    const needs = t.app.get(NeedRepository);
    await inTransaction(dataSource, async (manager) => {
      const buyerIds: string[] = [];
      for (const input of demoInputs(taxonomy).buyers) buyerIds.push(await buyers.createWithin(manager, input, null, 'VERIFIED'));
      for (let i = 0; i < 110; i += 1) {
        await needs.insert(manager, {
          buyerId: buyerIds[i % buyerIds.length],
          title: `Need ${i}`,
          processes: ['STAMPING'],
          materials: [],
          certifications: [],
          status: 'OPEN',
          visibility: 'PUBLIC',
          publishedAt: new Date(),
        });
      }
    });
    await generateInto(dataSource, taxonomy, 110, 7, 110, () => undefined);
    const logger = dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      if (!/search_outbox|pg_advisory|LISTEN/.test(query)) statements.push(query);
      return logQuery(query, parameters, runner);
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  const count = async (query: string, first: number): Promise<number> => {
    statements = [];
    const result = await t.gql<Record<string, { edges: unknown[] }>>(query, { first }, admin.token);
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data!)[0].edges).toHaveLength(first);
    return statements.length;
  };

  it.each([
    [
      "sourcingNeeds with each need's buyer",
      `query($first: Int!) { sourcingNeeds(first: $first) { edges { node { id title buyer { id name contact { name } plants { name } } } } } }`,
    ],
    [
      'suppliers with their per-item fields',
      `query($first: Int!) { suppliers(first: $first) { edges { node { id nameVi processes { code label } certifications { code } } } } }`,
    ],
  ])('%s: a 100-item page runs no more statements than a 10-item page', async (_name, query) => {
    const ten = await count(query, 10);
    const hundred = await count(query, 100);
    // On failure: both counts and the first statements of the 100-item page.
    expect(hundred > ten ? { ten, hundred, first: statements.slice(0, 10).map((sql) => sql.slice(0, 110)) } : 'constant').toBe('constant');
  });
});
