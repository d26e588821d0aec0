import { useQuery } from '@apollo/client/react';
import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData } from '../../../gql/index.js';
import type { SupplierForEditFragment } from '../../../gql/graphql.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { SupplierForEditFragmentDoc, SupplierForEditQuery } from '../../../components/supplier-form/supplier-form-api.js';
import { MemberPage } from '../components/member-page.js';
import { ProfileForm } from '../../../components/supplier-form/supplier-profile-form.js';
import { TrackRecordScorecard } from '../../../components/track-record-scorecard.js';
import { useProfileEditor } from '../../../components/supplier-form/use-profile-editor.js';
import { Loading } from '../../../components/loading.js';

/** `/:lang/my-supplier`: the member's supplier profile form (a new one when the member has none). */
export function MySupplierRoute() {
  const { t } = useTranslation();
  // A new profile reloads as the member's supplier once created: the "saved" notice carries over.
  const [created, setCreated] = useState<number | null>(null);
  return (
    <MemberPage title={t('sme.title')} intro={t('sme.intro')}>
      {(supplierId) =>
        supplierId ? (
          <ExistingSupplier key={supplierId} supplierId={supplierId} justSavedVersion={created} />
        ) : (
          <Editor key="new" supplierId={null} saved={null} onSaved={setCreated} />
        )
      }
    </MemberPage>
  );
}

function ExistingSupplier({ supplierId, justSavedVersion }: { supplierId: string; justSavedVersion: number | null }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(SupplierForEditQuery, { variables: { id: supplierId }, fetchPolicy: 'network-only' });
  const saved = getFragmentData(SupplierForEditFragmentDoc, data?.supplier);
  if (error && !saved) return <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert>;
  if (!saved) return <Loading />;
  return (
    <>
      <Editor supplierId={supplierId} saved={saved} justSavedVersion={justSavedVersion} />
      <TrackRecordScorecard supplierId={supplierId} own />
    </>
  );
}

interface EditorProps {
  supplierId: string | null;
  saved: SupplierForEditFragment | null;
  justSavedVersion?: number | null;
  onSaved?: (version: number) => void;
}

function Editor({ supplierId, saved, justSavedVersion, onSaved }: EditorProps) {
  const editor = useProfileEditor(supplierId, saved, { justSavedVersion, onSaved });
  return <ProfileForm editor={editor} supplierId={supplierId} />;
}
