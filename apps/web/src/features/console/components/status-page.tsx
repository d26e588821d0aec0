import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { ConsoleStatusQuery } from '../api/console.js';
import { Loading } from '../../../components/loading.js';

/** Age in whole minutes/hours/days, in the reader's language. */
function age(lang: string, since: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - new Date(since).getTime()) / 60000));
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
  if (minutes < 90) return rtf.format(-minutes, 'minute');
  if (minutes < 36 * 60) return rtf.format(-Math.round(minutes / 60), 'hour');
  return rtf.format(-Math.round(minutes / 1440), 'day');
}

/** The search index against PostgreSQL (as `npm run index:check`), the outbox backlog and the snapshot's age. */
export function StatusPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, loading, error, refetch } = useQuery(ConsoleStatusQuery, {
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  if (error && !data) return <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert>;
  if (!data) return <Loading />;
  const h = data.searchIndexHealth;
  const now = new Date(h.checkedAt).getTime();
  const n = (v: number) => formatNumber(lang, v);
  const ids = (count: number, list: string[]) => (count ? `${n(count)} (${list.slice(0, 5).join(', ')}${count > 5 ? ', …' : ''})` : n(0));
  const rows: [string, string][] = [
    [t('console.status.postgres'), n(h.postgresCount)],
    [t('console.status.indexed'), n(h.indexCount)],
    [t('console.status.missing'), ids(h.missingCount, h.missing)],
    [t('console.status.extra'), ids(h.extraCount, h.extra)],
    [t('console.status.stale'), ids(h.staleCount, h.stale)],
    [t('console.status.pending'), n(h.pending)],
    [t('console.status.retrying'), n(h.retrying)],
    [t('console.status.oldestPending'), h.oldestPendingAt ? age(lang, h.oldestPendingAt, now) : t('console.status.none')],
    [
      t('console.status.snapshot'),
      data.supplyGaps.computedAt ? age(lang, data.supplyGaps.computedAt, now) : t('console.status.noSnapshot'),
    ],
  ];
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Badge size="lg" variant="outline" color={h.ok ? 'teal.9' : 'red.9'} data-testid="index-verdict">
          {h.ok ? t('console.status.ok') : t('console.status.drift')}
        </Badge>
        <Button size="xs" variant="light" loading={loading} onClick={() => void refetch()}>
          {t('console.status.recheck')}
        </Button>
      </Group>
      <Table withTableBorder striped maw={640} data-testid="status-table">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!h.ok ? <Text size="sm">{t('console.status.repairHint')}</Text> : null}
    </Stack>
  );
}
