import { useMutation } from '@apollo/client/react';
import { PasswordInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { fieldMessage, problemMessage } from '../../../lib/problem-messages.js';
import { REFRESH_TRANSPORT, session } from '../../../lib/session.js';
import { LoginMutation } from '../api/auth.js';
import { AuthForm } from '../../../components/auth-form.js';
import { checkCredentials, signInProblem } from '../credentials.js';

export function SignInRoute() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [login, { loading }] = useMutation(LoginMutation, { context: { headers: REFRESH_TRANSPORT } });
  const submit = async () => {
    const invalid = checkCredentials({ email, password }, 'sign-in');
    setProblem(invalid);
    if (invalid) return;
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      if (!data) return;
      session.signedIn(data.login.accessToken, data.login.expiresIn);
      const back = (location.state as { from?: string } | null)?.from;
      void navigate(back ?? `/${lang}/account`, { replace: true });
    } catch (error) {
      setProblem(signInProblem(problemFrom(error, { rateLimitField: 'email' })));
    }
  };
  const formError = problem && problem.fields.length === 0 ? problemMessage(t, problem) : undefined;
  return (
    <AuthForm
      title={t('auth.signIn.title')}
      onSubmit={() => void submit()}
      submitLabel={t('auth.signIn.submit')}
      busy={loading}
      formError={formError}
      footer={t('auth.signIn.noAccount')}
      footerLink={t('auth.signIn.toRegister')}
      footerTo={`/${lang}/register`}
    >
      <TextInput
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={fieldMessage(t, problem, 'email')}
      />
      <PasswordInput
        label={t('auth.password')}
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={fieldMessage(t, problem, 'password')}
      />
    </AuthForm>
  );
}
