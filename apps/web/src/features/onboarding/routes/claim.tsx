import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { fieldMessage, problemMessage } from '../../../lib/problem-messages.js';
import { useSession } from '../../../lib/use-session.js';
import { AuthForm } from '../../../components/auth-form.js';
import { ClaimSupplierMutation } from '../api/claim.js';

/** "Claim your profile": the SME types the one-time code the centre's staff handed over. */
export function ClaimRoute() {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useSession();
  const location = useLocation();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [claim, { data, loading }] = useMutation(ClaimSupplierMutation);
  if (state.status === 'anonymous') return <Navigate to={`/${lang}/sign-in`} replace state={{ from: location.pathname }} />;
  const claimed = data?.claimSupplier;
  if (claimed) {
    return (
      <Stack gap="md" py="md" maw={560}>
        <Title order={1}>{t('onboarding.claim.doneTitle')}</Title>
        <Alert color="green" role="status">
          {t('onboarding.claim.done', { name: claimed.nameVi })}
        </Alert>
        {claimed.onboarding && !claimed.onboarding.published ? <Text>{t('onboarding.claim.notPublished')}</Text> : null}
        <Anchor component={Link} to={`/${lang}/my-supplier`}>
          {t('onboarding.claim.toProfile')}
        </Anchor>
      </Stack>
    );
  }
  const submit = async () => {
    if (!code.trim()) {
      setProblem({ code: 'BAD_USER_INPUT', fields: [{ field: 'code', key: 'required' }] });
      return;
    }
    setProblem(undefined);
    try {
      await claim({ variables: { code: code.trim() } });
    } catch (error) {
      setProblem(problemFrom(error, { rateLimitField: 'code' }));
    }
  };
  const formError = problem && problem.fields.length === 0 ? problemMessage(t, problem) : undefined;
  return (
    <AuthForm
      title={t('onboarding.claim.title')}
      onSubmit={() => void submit()}
      submitLabel={t('onboarding.claim.submit')}
      busy={loading}
      formError={formError}
      footer={t('onboarding.claim.noCode')}
      footerLink={t('onboarding.claim.toAccount')}
      footerTo={`/${lang}/account`}
    >
      <Text>{t('onboarding.claim.intro')}</Text>
      <TextInput
        label={t('onboarding.claim.code')}
        description={t('onboarding.claim.codeHint')}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        required
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={fieldMessage(t, problem, 'code')}
        styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.08em' } }}
      />
    </AuthForm>
  );
}
