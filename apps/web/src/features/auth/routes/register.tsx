import { useMutation } from '@apollo/client/react';
import { PasswordInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { fieldMessage, problemMessage } from '../../../lib/problem-messages.js';
import { REFRESH_TRANSPORT, session } from '../../../lib/session.js';
import { RegisterMutation } from '../api/auth.js';
import { AuthForm } from '../../../components/auth-form.js';
import { checkCredentials } from '../credentials.js';

export function RegisterRoute() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [register, { loading }] = useMutation(RegisterMutation, { context: { headers: REFRESH_TRANSPORT } });
  const submit = async () => {
    const invalid = checkCredentials({ email, password, displayName }, 'register');
    setProblem(invalid);
    if (invalid) return;
    try {
      const { data } = await register({
        variables: { input: { email: email.trim(), password, displayName: displayName.trim(), preferredLanguage: lang } },
      });
      if (!data) return;
      session.signedIn(data.register.accessToken, data.register.expiresIn);
      void navigate(`/${lang}/account`, { replace: true });
    } catch (error) {
      setProblem(problemFrom(error, { rateLimitField: 'email' }));
    }
  };
  const formError = problem && problem.fields.length === 0 ? problemMessage(t, problem) : undefined;
  return (
    <AuthForm
      title={t('auth.register.title')}
      onSubmit={() => void submit()}
      submitLabel={t('auth.register.submit')}
      busy={loading}
      formError={formError}
      footer={t('auth.register.hasAccount')}
      footerLink={t('auth.register.toSignIn')}
      footerTo={`/${lang}/sign-in`}
    >
      <TextInput
        label={t('auth.displayName')}
        autoComplete="name"
        required
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        error={fieldMessage(t, problem, 'displayName')}
      />
      <TextInput
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={fieldMessage(t, problem, 'email')}
      />
      <PasswordInput
        label={t('auth.password')}
        description={t('auth.passwordHint')}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={fieldMessage(t, problem, 'password')}
      />
    </AuthForm>
  );
}
