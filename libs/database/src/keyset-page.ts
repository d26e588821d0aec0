import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface KeysetPage {
  /** Ids of this page, with the sort key as PostgreSQL's own text (microseconds kept). */
  rows: { id: string; key: string }[];
  total: number;
  hasNextPage: boolean;
  /** Whether rows of the filtered query come before `after` (the cursor's own row included); false without `after`. */
  hasPreviousPage: boolean;
}

/**
 * Newest-first keyset pagination over `alias.created_at, alias.id`, with the total count of the
 * same filtered query. The cursor comes from the previous page's last row, so inserts between
 * requests neither skip nor repeat rows. With `after`, one `LIMIT 1` probe on the same index answers
 * `hasPreviousPage` exactly (the Relay spec lets forward pagination answer false, but a client that
 * follows a cursor should learn whether the rows before it still exist).
 */
export async function keysetPage<T extends ObjectLiteral>(
  filtered: SelectQueryBuilder<T>,
  alias: string,
  first: number,
  after: { k: string; id: string } | undefined,
): Promise<KeysetPage> {
  const total = await filtered.clone().getCount();
  const page = filtered
    .clone()
    .select(`${alias}.id`, 'id')
    .addSelect(`${alias}.created_at::text`, 'key')
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(first + 1);
  if (after)
    page.andWhere(`(${alias}.created_at, ${alias}.id) < (:afterAt::timestamptz, :afterId::uuid)`, { afterAt: after.k, afterId: after.id });
  const rows = await page.getRawMany<{ id: string; key: string }>();
  const before = after
    ? await filtered
        .clone()
        .select('1', 'one')
        .andWhere(`(${alias}.created_at, ${alias}.id) >= (:beforeAt::timestamptz, :beforeId::uuid)`, {
          beforeAt: after.k,
          beforeId: after.id,
        })
        .limit(1)
        .getRawMany()
    : [];
  return { rows: rows.slice(0, first), total, hasNextPage: rows.length > first, hasPreviousPage: before.length > 0 };
}
