import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  isCompositeType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  TypeNameMetaFieldDef,
} from 'graphql';
import { ErrorCode } from '#libs/core';

/** What one operation may ask for (configured by GRAPHQL_MAX_*). */
export interface OperationLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

/** What one operation asks for. */
export interface OperationMeasures {
  depth: number;
  cost: number;
  aliases: number;
}

/** Arguments that say how many items a list holds: `first` on connections and lists, `hitsPerPage` in the search input. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit', 'hitsPerPage'];

/** The size assumed for a list that takes no size argument (processes of a supplier, facet values…). */
export const ASSUMED_LIST_SIZE = 10;

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
}

/**
 * Measures an operation over the typed schema, with its variables (so `first: $n` counts as what
 * `$n` is):
 * - depth: nesting of fields (a root field is depth 1);
 * - aliases: every aliased field, fragments counted once per spread;
 * - cost: every field that returns an object costs 1 per object it returns. A list returns as many
 *   objects as its size argument (`first`, `limit`, or `hitsPerPage` inside `input`; the argument's
 *   default when omitted). A size argument on a field that returns a single object (a connection,
 *   a search result) sizes the lists directly beneath it (`edges`, `hits`, `matches`). Other lists
 *   count as ASSUMED_LIST_SIZE. What a list holds is multiplied by its size, so
 *   `suppliers(first: 100) { edges { node { processes { code } } } }` costs 1 + 100 × (1 + 1 + 10).
 *   Scalar fields are free: the cost counts objects, not bytes.
 *
 * Fragments are measured once and reused, so nested spreads cannot make the measuring itself slow.
 * Expects a validated document (no fragment cycles, known fields).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): OperationMeasures {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  // Invalid variables fail in execution with their own message; measure with none meanwhile.
  const variables = coerced.coerced ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);
  const fragmentMeasures = new Map<string, Measure>();

  const measureSet = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, sizeFromParent: number | undefined): Measure => {
    const total: Measure = { depth: 0, cost: 0, aliases: 0 };
    const add = (m: Measure) => {
      total.depth = Math.max(total.depth, m.depth);
      total.cost += m.cost;
      total.aliases += m.aliases;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'Field') {
        const name = selection.name.value;
        const field = fieldOf(schema, parentType, name);
        const alias = selection.alias ? 1 : 0;
        if (!field) {
          add({ depth: 1, cost: 0, aliases: alias });
          continue;
        }
        const returns = getNullableType(field.type);
        const isList = isListType(returns);
        const ownSize = sizeArgument(field, selection, variables);
        // A list takes its own size argument, else the one its parent passed down, else the assumption.
        const count = isList ? (ownSize ?? sizeFromParent ?? ASSUMED_LIST_SIZE) : 1;
        const named = getNamedType(field.type);
        if (!selection.selectionSet || !isCompositeType(named)) {
          add({ depth: 1, cost: 0, aliases: alias });
          continue;
        }
        const inner = measureSet(selection.selectionSet, named, isList ? undefined : ownSize);
        add({ depth: inner.depth + 1, cost: count * (1 + inner.cost), aliases: alias + inner.aliases });
      } else if (selection.kind === 'InlineFragment') {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined)
          : parentType;
        add(measureSet(selection.selectionSet, type ?? parentType, sizeFromParent));
      } else {
        const name = selection.name.value;
        const key = `${name}:${sizeFromParent ?? ''}`;
        let measured = fragmentMeasures.get(key);
        if (!measured) {
          const fragment = fragments.get(name);
          if (!fragment) continue;
          const type = (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined) ?? parentType;
          measured = measureSet(fragment.selectionSet, type, sizeFromParent);
          fragmentMeasures.set(key, measured);
        }
        add(measured);
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return { depth: 0, cost: 0, aliases: 0 };
  return measureSet(operation.selectionSet, root, undefined);
}

function fieldOf(schema: GraphQLSchema, parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (name === '__schema' && parentType === schema.getQueryType()) return undefined; // measured as a leaf: introspection is in-memory
  if (name === '__type' && parentType === schema.getQueryType()) return undefined;
  return 'getFields' in parentType ? parentType.getFields()[name] : undefined;
}

/** The value of a size argument of this field (directly, or one level inside an input object such as `input.hitsPerPage`). */
function sizeArgument(
  field: GraphQLField<unknown, unknown>,
  node: Parameters<typeof getArgumentValues>[1],
  variables: Record<string, unknown>,
): number | undefined {
  if (!field.args.length) return undefined;
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues(field, node, variables);
  } catch {
    return undefined; // an invalid argument fails in execution with its own message
  }
  for (const arg of field.args) {
    const value = values[arg.name];
    if (SIZE_ARGUMENTS.includes(arg.name) && typeof value === 'number') return Math.max(0, value);
    const argType = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
    if (isInputObjectType(argType) && value && typeof value === 'object') {
      for (const key of SIZE_ARGUMENTS) {
        const inner = (value as Record<string, unknown>)[key];
        if (typeof inner === 'number') return Math.max(0, inner);
      }
    }
  }
  return undefined;
}

/** The first limit an operation exceeds, as the error a client sees (HTTP 400, code QUERY_TOO_COMPLEX). */
export function checkOperation(measures: OperationMeasures, limits: OperationLimits): GraphQLError | undefined {
  const over = (limit: 'depth' | 'cost' | 'aliases', actual: number, max: number, what: string) =>
    new GraphQLError(`The operation is too complex: ${what} is ${actual}, at most ${max} is allowed`, {
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, actual, max, http: { status: 400 } },
    });
  if (measures.depth > limits.maxDepth) return over('depth', measures.depth, limits.maxDepth, 'its depth');
  if (measures.aliases > limits.maxAliases) return over('aliases', measures.aliases, limits.maxAliases, 'its number of aliases');
  if (measures.cost > limits.maxCost)
    return over('cost', measures.cost, limits.maxCost, 'its cost (objects it may return, lists counted at their size)');
  return undefined;
}

/**
 * Rejects an operation over the depth, alias or cost limit before it runs. It works once the
 * operation is resolved (after validation, which rules out fragment cycles), because the cost
 * needs the variables.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const error = checkOperation(measureOperation(schema, document, operation, request.variables), limits);
          if (error) throw error;
        },
      };
    },
  };
}
