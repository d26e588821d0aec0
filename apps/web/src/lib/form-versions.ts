/**
 * Editing a versioned record in a form (a supplier profile, a sourcing need): after a CONFLICT the
 * member sees, field by field, their values beside the saved version's and chooses which to keep.
 * Generic over the form's values so every form resolves conflicts the same way.
 */
export type Choice = 'mine' | 'theirs';

export interface ConflictRow<V extends object> {
  field: keyof V & string;
  mine: V[keyof V];
  theirs: V[keyof V];
  /** Whether the member changed this field since the version they started from. */
  changedByMe: boolean;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Every field where the member's values and the saved version now differ. `base` is what the member
 * started from (null when unknown), so a field only the other side changed can be taken without asking.
 */
export function conflictRows<V extends object>(
  fields: ReadonlyArray<keyof V & string>,
  base: V | null,
  mine: V,
  theirs: V,
): ConflictRow<V>[] {
  return fields
    .filter((field) => !sameValue(mine[field], theirs[field]))
    .map((field) => ({
      field,
      mine: mine[field],
      theirs: theirs[field],
      changedByMe: base === null || !sameValue(base[field], mine[field]),
    }));
}

/** The first choice for each row: keep what the member changed, take what only the other side changed. */
export function defaultChoices<V extends object>(rows: ConflictRow<V>[]): Record<string, Choice> {
  return Object.fromEntries(rows.map((row) => [row.field, row.changedByMe ? 'mine' : 'theirs']));
}

/** The values to continue editing with: the saved version, with the member's choice for each differing field. */
export function mergeConflict<V extends object>(
  fields: ReadonlyArray<keyof V & string>,
  mine: V,
  theirs: V,
  choices: Record<string, Choice>,
): V {
  const merged = { ...theirs };
  for (const field of fields) if (choices[field] === 'mine') merged[field] = mine[field];
  return merged;
}

/** What the conflict view needs: the rows, the saved version's values and number, the member's choices. */
export interface ConflictState<V extends object> {
  rows: ConflictRow<V>[];
  theirs: V;
  theirsVersion: number;
  choices: Record<string, Choice>;
}
