import type { ApiProblem, FieldProblem } from '../../lib/api-errors.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks done before asking the API, with the same message keys it would cause. */
export function checkCredentials(
  values: { email: string; password: string; displayName?: string },
  mode: 'sign-in' | 'register',
): ApiProblem | undefined {
  const fields: FieldProblem[] = [];
  if (mode === 'register' && values.displayName !== undefined && !values.displayName.trim())
    fields.push({ field: 'displayName', key: 'required' });
  if (!values.email.trim()) fields.push({ field: 'email', key: 'required' });
  else if (!EMAIL.test(values.email.trim())) fields.push({ field: 'email', key: 'email' });
  if (!values.password) fields.push({ field: 'password', key: 'required' });
  else if (mode === 'register' && values.password.length < 10) fields.push({ field: 'password', key: 'passwordTooShort' });
  return fields.length ? { code: 'BAD_USER_INPUT', fields } : undefined;
}

/** A failed sign-in says so on the password field, a rate limit on the email it concerns. */
export function signInProblem(problem: ApiProblem): ApiProblem {
  if (problem.code === 'UNAUTHENTICATED') return { ...problem, fields: [{ field: 'password', key: 'invalidCredentials' }] };
  return problem;
}
