import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';

// The committed schema.gql; schema.e2e.spec.ts proves it is the schema the API serves.
const SCHEMA = readFileSync(new URL('../schema.gql', import.meta.url), 'utf8');

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'its', 'it', 'this', 'at', 'in', 'to', 'by', 'for', 'and', 'or', 'is', 'one']);

/** Lower-case words of a camelCase, snake_case or prose name, plurals folded (`Sectors` → `sector`). */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !STOP_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
}

/**
 * A description that says nothing its name does not: every word of it (articles aside) is a word of
 * the name, e.g. "Name." on `name`, "Created at." on `createdAt`, "The need." on `needId`.
 */
export function restatesName(name: string, description: string): boolean {
  const named = new Set(words(name));
  return words(description).every((word) => named.has(word));
}

/** Every type, field, argument, input field and enum value of the schema whose description is missing or restates its name. */
export function undescribed(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const check = (path: string, name: string, description: string | null | undefined) => {
    if (!description?.trim()) problems.push(`${path}: no description`);
    else if (restatesName(name, description)) problems.push(`${path}: "${description}" only restates the name`);
  };
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
    if (!roots.has(type as never)) check(type.name, type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.name, field.description);
        for (const arg of 'args' in field ? field.args : []) check(`${type.name}.${field.name}(${arg.name})`, arg.name, arg.description);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.name, value.description);
  }
  return problems;
}

describe('schema descriptions', () => {
  it('describe every type, field, argument and enum value in words that tell a client something', () => {
    expect(undescribed(buildSchema(SCHEMA))).toEqual([]);
  });

  it('catch a missing description and one that restates the name', () => {
    const schema = buildSchema(`
      """A thing."""
      type Query {
        """Name."""
        name: String
        """Created at."""
        createdAt: String
        thing(
          """The need."""
          needId: ID
          """Which need's things to list (a need you may see)."""
          otherNeedId: ID
        ): String
      }
      """Colour of a thing."""
      enum Colour {
        RED
        """Painted green, the default."""
        GREEN
      }
    `);
    expect(undescribed(schema)).toEqual([
      'Query.name: "Name." only restates the name',
      'Query.createdAt: "Created at." only restates the name',
      'Query.thing: no description',
      'Query.thing(needId): "The need." only restates the name',
      'Colour.RED: no description',
    ]);
  });
});
