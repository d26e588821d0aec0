import { describe, expect, it } from '@jest/globals';
import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { selectedFields, type SelectionInfo } from './selection.js';

/** The info a resolver of the query's first root field gets. */
function infoOf(query: string): SelectionInfo {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const root = operation.selectionSet.selections[0];
  if (root.kind !== Kind.FIELD) throw new Error('a field first');
  return { fieldNodes: [root], fragments };
}

describe('selectedFields', () => {
  it('reads the fields at a path, through aliases, named and inline fragments', () => {
    const info = infoOf(`query {
      searchSuppliers(input: {}) {
        totalHits
        hits { score supplier { id name: nameVi ...Card ... on Supplier { leadTimeDays zone { code } } } }
        more: hits { supplier { tradeNameEn } }
      }
    }
    fragment Card on Supplier { processes { code label } certifications { code } }`);
    expect([...selectedFields(info, ['hits', 'supplier'])].sort()).toEqual([
      'certifications',
      'id',
      'leadTimeDays',
      'nameVi',
      'processes',
      'tradeNameEn',
      'zone',
    ]);
    expect([...selectedFields(info, ['hits'])].sort()).toEqual(['score', 'supplier']);
    expect([...selectedFields(info, [])].sort()).toEqual(['hits', 'totalHits']);
  });

  it('counts a field that @skip or @include may leave out, and finds nothing below a path not selected', () => {
    const info = infoOf(`query($full: Boolean!) { searchSuppliers(input: {}) {
      hits { supplier { id descriptionVi @include(if: $full) } } } }`);
    expect([...selectedFields(info, ['hits', 'supplier'])].sort()).toEqual(['descriptionVi', 'id']);
    expect(selectedFields(info, ['facets', 'values']).size).toBe(0);
  });
});
