import type { DataSource } from 'typeorm';
import { SupplierRepository, SuppliersService } from '#libs/companies';
import { todayInVietnam } from '#libs/core';
import { inTransaction } from '#libs/database';
import { zonePoints } from './demo-data.service.js';
import { generateSuppliers } from './generator.js';
import type { Taxonomy } from '#libs/taxonomy';

/**
 * Inserts `count` synthetic suppliers (deterministic for `seed`) in batches, each in one
 * transaction with its outbox entries; suppliers already there (same tax code) are skipped.
 */
export async function generateInto(
  dataSource: DataSource,
  taxonomy: Taxonomy,
  count: number,
  seed: number,
  batch: number,
  progress: (done: number, total: number) => void,
): Promise<number> {
  const service = new SuppliersService(dataSource, new SupplierRepository(dataSource), taxonomy);
  const inputs = generateSuppliers({
    count,
    seed,
    zones: zonePoints(taxonomy),
    today: todayInVietnam(),
    taxPrefix: '04',
    taxSequenceStart: 1000000,
  });
  let inserted = 0;
  for (let start = 0; start < inputs.length; start += batch) {
    const chunk = inputs.slice(start, start + batch);
    const existing = new Set(
      (
        await dataSource.query<{ tax_code: string }[]>('SELECT tax_code FROM suppliers WHERE tax_code = ANY($1)', [
          chunk.map((s) => s.taxCode),
        ])
      ).map((r) => r.tax_code),
    );
    const fresh = chunk.filter((s) => !existing.has(s.taxCode));
    if (fresh.length) await inTransaction(dataSource, (manager) => service.createManyWithin(manager, fresh, 'generated'));
    inserted += fresh.length;
    progress(start + chunk.length, inputs.length);
  }
  return inserted;
}
