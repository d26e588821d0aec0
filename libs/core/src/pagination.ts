import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailed } from './errors.js';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many items to return (1–${MAX_PAGE_SIZE}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page (`pageInfo.endCursor`).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ObjectType({
  description: 'Where a page sits in its list (Relay cursor connections). Pages run forward only (`first`/`after`), newest first.',
})
export class PageInfo {
  @Field({ description: 'Whether more items follow this page: pass `endCursor` as `after` to read them.' })
  hasNextPage: boolean;

  @Field({
    description:
      'Whether items of the same filter come before this page: false on the first page (no `after`), true when the `after` item or one before it still exists.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null when the page is empty." })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last item's cursor, to pass as `after` for the next page; null when the page is empty.",
  })
  endCursor: string | null;
}

/** A connection's page information from its edges and what the keyset query found around them. */
export function pageInfoOf(edges: readonly { cursor: string }[], page: { hasNextPage: boolean; hasPreviousPage: boolean }): PageInfo {
  return {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: edges.at(0)?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}

/**
 * Keyset cursors: an opaque base64url of the sort key of the last row, so pages stay stable while
 * rows are inserted.
 */
export interface KeysetCursor {
  /** Sort value of the last row (ISO timestamp or text). */
  k: string;
  /** Id of the last row, to break ties. */
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(value: string | undefined, field = 'after'): KeysetCursor | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    const cursor = parsed as KeysetCursor;
    if (
      cursor &&
      typeof cursor === 'object' &&
      typeof cursor.k === 'string' &&
      typeof cursor.id === 'string' &&
      UUID.test(cursor.id) &&
      TIMESTAMP.test(cursor.k)
    ) {
      return { k: cursor.k, id: cursor.id };
    }
  } catch {
    /* fall through */
  }
  throw ValidationFailed.of(field, 'is not a cursor returned by this API');
}
