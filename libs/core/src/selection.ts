import { type FieldNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

/** What `selectedFields` reads of a resolver's `info` (GraphQLResolveInfo). */
export interface SelectionInfo {
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
}

/**
 * The names of the fields the query selects at `path` below the field being resolved, through
 * fragments and aliases, so a resolver can fetch only what it will return. `@skip`/`@include` are not
 * evaluated: a field they might leave out counts as selected (fetching one field too many is safe,
 * one too few is not).
 */
export function selectedFields(info: SelectionInfo, path: readonly string[]): Set<string> {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path)
    sets = fieldsOf(sets, info.fragments)
      .filter((field) => field.name.value === name)
      .flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  return new Set(fieldsOf(sets, info.fragments).map((field) => field.name.value));
}

function fieldsOf(sets: readonly SelectionSetNode[], fragments: SelectionInfo['fragments']): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return fields;
}
