/** A taxonomy term as far as its place in the tree goes. */
export interface TreeTerm {
  code: string;
  label: string;
  parentCode?: string | null;
}

/**
 * Groups items (by their `code`) under the top-level term of their taxonomy branch, the groups in
 * tree order; items whose code the tree does not know go in a group with an empty root label.
 */
export function groupByRoot<T extends { code: string }>(items: T[], tree: TreeTerm[]): Array<{ root: string; items: T[] }> {
  const byCode = new Map(tree.map((term) => [term.code, term]));
  const rootOf = (code: string): TreeTerm | undefined => {
    let term = byCode.get(code);
    for (let guard = 0; term?.parentCode && byCode.has(term.parentCode) && guard < 10; guard++) term = byCode.get(term.parentCode);
    return term;
  };
  const groups = new Map<string, { root: string; items: T[] }>();
  for (const item of items) {
    const root = rootOf(item.code);
    const key = root?.code ?? '';
    if (!groups.has(key)) groups.set(key, { root: root?.label ?? '', items: [] });
    groups.get(key)!.items.push(item);
  }
  const order = new Map(tree.map((term, index) => [term.code, index]));
  return [...groups.entries()].sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9)).map(([, group]) => group);
}
