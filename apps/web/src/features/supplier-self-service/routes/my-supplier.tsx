import { useQuery } from '@apollo/client/react';
import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getFragmentData } from '../../../gql/index.js';
import type { SupplierForEditFragment } from '../../../gql/graphql.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { SupplierForEditFragmentDoc, SupplierForEditQuery } from '../api/supplier-profile.js';
import { MemberGate } from '../components/member-gate.js';
import { ProfileForm } from '../components/profile-form.js';
import { useProfileEditor } from '../use-profile-editor.js';

/** `/:lang/my-supplier`: the member's supplier profile form (a new one when the member has none). */
export function MySupplierRoute() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" py="md">
      <Title order={1}>{t('sme.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('sme.intro')}
      </Text>
      <MemberGate>{(supplierId) => (supplierId ? <ExistingSupplier key={supplierId} supplierId={supplierId} /> : <Editor key="new" supplierId={null} saved={null} />)}</MemberGate>
    </Stack>
  );
}

function ExistingSupplier({ supplierId }: { supplierId: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(SupplierForEditQuery, { variables: { id: supplierId }, fetchPolicy: 'network-only' });
  const saved = getFragmentData(SupplierForEditFragmentDoc, data?.supplier);
  if (error && !saved) return <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert>;
  if (!saved) return <Loader aria-label={t('app.loading')} />;
  return <Editor supplierId={supplierId} saved={saved} />;
}

function Editor({ supplierId, saved }: { supplierId: string | null; saved: SupplierForEditFragment | null }) {
  const editor = useProfileEditor(supplierId, saved);
  return <ProfileForm editor={editor} supplierId={supplierId} />;
}
