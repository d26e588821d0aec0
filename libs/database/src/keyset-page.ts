import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface KeysetPage {
  /** Ids of this page, with the sort key as PostgreSQL's own text (microseconds kept). */
  rows: { id: string; key: string }[];
  total: number;
  hasNextPage: boolean;
}

/**
 * Newest-first keyset pagination over `alias.created_at, alias.id`, with the total count of the
 * same filtered query. The cursor comes from the previous page's last row, so inserts between
 * requests neither skip nor repeat rows.
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
  return { rows: rows.slice(0, first), total, hasNextPage: rows.length > first };
}
