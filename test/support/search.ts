import { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';

/**
 * Waits until the worker has applied every outbox entry due now or soon (retries wait a few seconds;
 * certificate-validity entries scheduled for another day are not waited for). The worker marks an
 * entry only after Meilisearch applied it.
 */
export async function waitForIndex(t: TestApp, timeoutMs = 20000): Promise<void> {
  const db = t.app.get(DataSource);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL AND available_at <= now() + interval '5 minutes'`,
    );
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`${n} outbox entries still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const SEARCH = `query($input: SearchSuppliersInput!) { searchSuppliers(input: $input) {
  totalHits totalPages page hitsPerPage
  hits { score distanceKm highlights { field snippet } supplier { id nameVi contact { email } customers { name } processes { code } certifications { code isValid } } }
  facets { field values { code label count } } } }`;

export interface SearchResult {
  searchSuppliers: {
    totalHits: number;
    totalPages: number;
    hits: {
      score: number;
      distanceKm: number | null;
      highlights: { field: string; snippet: string }[];
      supplier: { id: string; nameVi: string; contact: unknown; customers: { name: string }[]; processes: { code: string }[] };
    }[];
    facets: { field: string; values: { code: string; label: string; count: number }[] }[];
  };
}
