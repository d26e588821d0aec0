import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ValidateBy } from 'class-validator';
import { isIsoDate } from './validators.js';

/**
 * A value a client sent as a LocalDate that is not one. Deliberately not a GraphQLError: graphql-js
 * then wraps it with where it was (`Variable "$input" got invalid value … at "input.neededBy"`, or
 * the literal's location), and the API's error formatter turns that into a BAD_USER_INPUT with the
 * field's path and this reason, like every other invalid field.
 */
export class InvalidLocalDate extends Error {
  constructor(readonly reason: string) {
    super(`The value ${reason}`);
    this.name = 'InvalidLocalDate';
  }
}

/** Why a value is not a LocalDate (YYYY-MM-DD, a real day), or null when it is one. */
export function localDateProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a date YYYY-MM-DD (a string)';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'must be a date YYYY-MM-DD';
  if (!isIsoDate(value)) return 'is not a real calendar date';
  return null;
}

function parse(value: unknown): string {
  const problem = localDateProblem(value);
  if (problem) throw new InvalidLocalDate(problem);
  return value as string;
}

/**
 * The LocalDate rule for a value that arrives outside GraphQL (a CSV download's query parameter):
 * the same reasons as the scalar's.
 */
export function IsLocalDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isLocalDate',
    validator: {
      validate: (value: unknown) => localDateProblem(value) === null,
      defaultMessage: (args) => localDateProblem(args?.value) ?? 'must be a date YYYY-MM-DD',
    },
  });
}

/**
 * A calendar day (YYYY-MM-DD) with no time and no time zone: certificate validity, delivery dates,
 * report periods. Inside the API it stays the ISO string, which compares correctly as text and which
 * node-postgres returns for `date` columns, so no time zone can shift a day. Timestamps stay DateTime.
 */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description:
    'A calendar day without time or time zone, as YYYY-MM-DD (ISO 8601), e.g. 2026-12-31. Days of the Vietnam calendar unless a field says otherwise.',
  serialize: (value) => {
    if (typeof value === 'string' && isIsoDate(value)) return value;
    throw new GraphQLError(`LocalDate cannot represent ${JSON.stringify(value)}: not a YYYY-MM-DD day`);
  },
  parseValue: parse,
  parseLiteral: (node: ValueNode) => {
    if (node.kind !== Kind.STRING) throw new InvalidLocalDate('must be a date YYYY-MM-DD (a string)');
    return parse(node.value);
  },
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
});
