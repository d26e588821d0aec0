/**
 * Who owns which table. Each table has exactly one owning lib, which alone writes it (through named
 * repository methods or functions other libs call inside their own transaction). `reads` lists the
 * tables a lib reads with its own read-only SQL for speed (joins, analytics, the snapshot, the
 * candidate query) instead of asking the owner. `test/architecture.spec.ts` fails when a lib's
 * SQL or TypeORM calls write a table it does not own, or read one it does not own or declare.
 */
export interface TableOwnership {
  owns: readonly string[];
  reads: readonly string[];
}

export const TABLE_OWNERSHIP = {
  accounts: { owns: ['users', 'refresh_tokens', 'company_memberships', 'rate_limit_counters', 'login_known_addresses'], reads: [] },
  companies: {
    owns: [
      'suppliers',
      'supplier_certifications',
      'supplier_equipment',
      'supplier_customers',
      'supplier_audit_log',
      'supplier_claim_codes',
      'buyers',
      'buyer_plants',
    ],
    // the editor checks: is the caller a member of the company? The audit log names its actors (display name).
    reads: ['company_memberships', 'users'],
  },
  'search-outbox': { owns: ['search_outbox', 'search_replicas'], reads: [] },
  sourcing: {
    owns: ['sourcing_needs', 'sourcing_events'],
    // a need's buyer and its members (viewer checks), the suppliers a supplier viewer is member of
    reads: ['company_memberships', 'buyers', 'buyer_plants', 'suppliers', 'introductions'],
  },
  // deliveries against awards and the consents to publish them; the award, names, and whether the buyer is known to the supplier
  'track-records': {
    owns: ['deliveries', 'track_record_publications', 'track_record_buyer_consents'],
    reads: ['sourcing_needs', 'buyers', 'suppliers', 'introductions'],
  },
  introductions: { owns: ['introductions'], reads: ['sourcing_needs', 'sourcing_events', 'buyers', 'suppliers'] },
  analytics: {
    owns: ['need_supply', 'need_supply_history', 'supply_coverage', 'coaching_targets'],
    reads: ['sourcing_needs', 'introductions', 'suppliers', 'supplier_certifications', 'buyers'],
  },
  search: { owns: [], reads: ['suppliers'] },
  // the candidate query: open needs and their buyers; the decision-history criterion: suppliers' past introductions
  matchmaking: { owns: [], reads: ['sourcing_needs', 'buyers', 'introductions', 'users'] },
  registry: { owns: [], reads: ['suppliers', 'supplier_certifications'] },
  'demo-data': { owns: [], reads: ['suppliers', 'buyers', 'buyer_plants', 'sourcing_needs', 'users'] },
} as const satisfies Record<string, TableOwnership>;

/** The owning lib of every table. */
export function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [lib, { owns }] of Object.entries(TABLE_OWNERSHIP)) for (const table of owns) owners.set(table, lib);
  return owners;
}
