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

@ObjectType({ description: 'Relay-style page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor to pass as `after` for the next page.' })
  endCursor: string | null;
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
