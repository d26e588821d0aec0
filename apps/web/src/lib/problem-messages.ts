import type { TFunction } from 'i18next';
import type { ApiProblem } from './api-errors.js';

/** The form-level message for a problem, in the reader's language. */
export function problemMessage(t: TFunction, problem: ApiProblem): string {
  return t(`errors.${problem.code}`, { seconds: problem.retryAfterSeconds ?? 60 });
}

/** The message to show next to `field`, if the problem concerns it. */
export function fieldMessage(t: TFunction, problem: ApiProblem | undefined, field: string): string | undefined {
  const found = problem?.fields.find((f) => f.field === field);
  if (!found) return undefined;
  if (found.code) return t(`errors.${found.code}`, { seconds: found.values?.seconds ?? 60 });
  return t(`errors.field.${found.key}`, found.values ?? {});
}
