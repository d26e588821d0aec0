import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isCentreStaff, RequireRole } from '../../../components/require-role.js';
import { SupplierForEditFragmentDoc } from '../../../components/supplier-form/supplier-form-api.js';
import { ProfileForm } from '../../../components/supplier-form/supplier-profile-form.js';
import { type ExtraValues, useProfileEditor } from '../../../components/supplier-form/use-profile-editor.js';
import { type FragmentType, getFragmentData } from '../../../gql/index.js';
import type { CreateSupplierInput, SupplierDataSource } from '../../../gql/graphql.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { CreateSupplierOnBehalfMutation, OnboardingRowFragmentDoc, OnboardingSupplierQuery } from '../api/onboarding.js';
import { OnboardingCard } from '../components/onboarding-page.js';
import { OnboardingFields } from '../components/onboarding-fields.js';
import { Loading } from '../../../components/loading.js';

/** Drafts of the centre's onboarding form, apart from an SME's own (a staff member may also be an SME member). */
const DRAFT_SCOPE = 'onboarding';
const NO_ANSWERS: ExtraValues = { dataSource: '', consent: '' };

function Frame({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="md" py="md">
      <Anchor component={Link} to={`/${lang}/console/onboarding`} size="sm">
        {t('console.onboarding.back')}
      </Anchor>
      <Title order={1}>{title}</Title>
      <Text>{intro}</Text>
      {children}
    </Stack>
  );
}

/** `/:lang/console/onboarding/new`: the centre's staff enter a profile on an SME's behalf. */
export function OnboardingNewRoute() {
  const { t } = useTranslation();
  return (
    <RequireRole allow={isCentreStaff}>
      <Frame title={t('console.onboarding.form.title')} intro={t('console.onboarding.form.intro')}>
        <NewProfile />
      </Frame>
    </RequireRole>
  );
}

function NewProfile() {
  const [created, setCreated] = useState<FragmentType<typeof OnboardingRowFragmentDoc>>();
  // a new form after "enter another": its own editor, from an empty draft
  const [round, setRound] = useState(0);
  if (created) return <Created row={created} onAnother={() => (setCreated(undefined), setRound((n) => n + 1))} />;
  return <NewProfileForm key={round} onCreated={setCreated} />;
}

function NewProfileForm({ onCreated }: { onCreated: (row: FragmentType<typeof OnboardingRowFragmentDoc>) => void }) {
  const [createOnBehalf] = useMutation(CreateSupplierOnBehalfMutation);
  // shown once the editor has finished saving (its draft cleared)
  const createdRow = useRef<FragmentType<typeof OnboardingRowFragmentDoc>>(undefined);
  const editor = useProfileEditor(null, null, {
    draftScope: DRAFT_SCOPE,
    extra: NO_ANSWERS,
    checkExtra: (answers) => (answers.dataSource ? [] : [{ field: 'onboarding.dataSource', key: 'required' }]),
    create: async (input: CreateSupplierInput, answers) => {
      const result = (
        await createOnBehalf({
          variables: {
            input,
            onboarding: { dataSource: answers.dataSource as SupplierDataSource, consentToPublish: answers.consent === 'yes' },
          },
        })
      ).data?.createSupplierOnBehalf;
      createdRow.current = result;
      return result ? getFragmentData(SupplierForEditFragmentDoc, result) : undefined;
    },
    onSaved: () => {
      if (createdRow.current) onCreated(createdRow.current);
    },
  });
  return (
    <Stack gap="lg">
      <OnboardingFields editor={editor} />
      <ProfileForm editor={editor} supplierId={null} />
    </Stack>
  );
}

function Created({ row, onAnother }: { row: FragmentType<typeof OnboardingRowFragmentDoc>; onAnother: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const supplier = getFragmentData(OnboardingRowFragmentDoc, row);
  return (
    <Stack gap="md">
      <Alert color="teal" role="status" title={t('console.onboarding.form.created', { name: supplier.nameVi })}>
        {supplier.onboarding?.published ? t('console.onboarding.form.createdPublished') : t('console.onboarding.form.createdUnpublished')}
      </Alert>
      <OnboardingCard row={row} />
      <Group gap="sm">
        <Button variant="default" onClick={onAnother}>
          {t('console.onboarding.form.another')}
        </Button>
        <Button variant="subtle" component={Link} to={`/${lang}/console/onboarding`}>
          {t('console.onboarding.form.toList')}
        </Button>
      </Group>
    </Stack>
  );
}

/** `/:lang/console/onboarding/:id`: a profile the centre entered, edited with the same form, its consent and claim code beside it. */
export function OnboardingEditRoute() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <RequireRole allow={isCentreStaff}>
      <Frame title={t('console.onboarding.form.editTitle')} intro={t('console.onboarding.form.editIntro')}>
        <EditProfile key={id} supplierId={id ?? ''} />
      </Frame>
    </RequireRole>
  );
}

function EditProfile({ supplierId }: { supplierId: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(OnboardingSupplierQuery, { variables: { id: supplierId }, fetchPolicy: 'network-only' });
  if (error && !data) return <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert>;
  if (!data?.supplier) return <Loading />;
  const row = getFragmentData(OnboardingRowFragmentDoc, data.supplier);
  return (
    <Stack gap="lg">
      <OnboardingCard row={data.supplier} editLink={false} />
      {row.onboarding?.claimedAt ? <Alert color="orange">{t('console.onboarding.form.claimedWarning')}</Alert> : null}
      <EditForm supplierId={supplierId} saved={getFragmentData(SupplierForEditFragmentDoc, data.supplier)} />
    </Stack>
  );
}

function EditForm({ supplierId, saved }: { supplierId: string; saved: Parameters<typeof useProfileEditor>[1] }) {
  const editor = useProfileEditor(supplierId, saved, { draftScope: DRAFT_SCOPE });
  return <ProfileForm editor={editor} supplierId={supplierId} />;
}
