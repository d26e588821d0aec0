import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { BuyerConsentQuery, SetBuyerConsentMutation } from '../api/consent.js';

/**
 * "Company settings" on the buyer's needs list: whether its suppliers' published delivery records may
 * name it (with the figures of its own deliveries), explained in plain words. Its members only (the
 * API refuses anyone else); never for anonymous needs, and otherwise the deliveries count in totals only.
 */
export function BuyerSettings({ buyerId }: { buyerId: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(BuyerConsentQuery, { variables: { buyerId }, fetchPolicy: 'cache-and-network' });
  const [save, saving] = useMutation(SetBuyerConsentMutation, { refetchQueries: [BuyerConsentQuery], awaitRefetchQueries: true });
  if (error && !data) return <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert>;
  if (!data) return null;
  const name = data.buyer.name;
  const named = data.buyerTrackRecordConsent.named;
  const titleId = `buyer-settings-${buyerId}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="buyer-settings">
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
          {t('buyer.settings.title', { name })}
        </Title>
        <Switch
          checked={named}
          disabled={saving.loading}
          onChange={(event) => void save({ variables: { buyerId, named: event.currentTarget.checked } }).catch(() => undefined)}
          label={t('buyer.settings.named', { name })}
          description={t('buyer.settings.namedHint')}
        />
        <Text size="sm" fw={600} role="status">
          {named ? t('buyer.settings.on') : t('buyer.settings.off')}
        </Text>
        {saving.error ? <Alert color="red">{problemMessage(t, problemFrom(saving.error))}</Alert> : null}
      </Stack>
    </Paper>
  );
}
