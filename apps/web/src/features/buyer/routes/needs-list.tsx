import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { whenIdle } from '../../../lib/when-idle.js';
import { BuyerNeedsQuery, NeedIntroductionsQuery } from '../api/needs.js';
import { BuyerGate } from '../components/buyer-gate.js';
import { BuyerSettings } from '../components/buyer-settings.js';
import { matchViewPress, preloadMatchViewLoader } from '../match-view-link.js';
import { STATUS_COLOR } from '../need-status.js';
import { Loading } from '../../../components/loading.js';

/**
 * `/:lang/buyer/needs`: the buyer's needs with their status and how many suppliers were invited and accepted;
 * below them, the company's settings (whether suppliers' published delivery records may name it).
 */
export function NeedsListRoute() {
  const { t } = useTranslation();
  const lang = useLang();
  usePreloadMatchView();
  return (
    <Stack gap="md" py="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('buyer.list.title')}</Title>
        <Button component={Link} to={`/${lang}/buyer/needs/new`}>
          {t('buyer.list.new')}
        </Button>
      </Group>
      <BuyerGate>
        {(buyerIds) => (
          <>
            {buyerIds.map((id) => (
              <BuyerNeeds key={id} buyerId={id} />
            ))}
            {buyerIds.map((id) => (
              <BuyerSettings key={id} buyerId={id} />
            ))}
          </>
        )}
      </BuyerGate>
    </Stack>
  );
}

/**
 * The match view's code (and its loader's), fetched once this list is on screen and the browser is
 * idle: opening a need's matches from here then waits only for the ranking, not for thirty-odd chunks,
 * and a press of a link starts the queries in its own event.
 */
function usePreloadMatchView() {
  useEffect(
    () =>
      whenIdle(() => {
        void import('./match-view.js');
        preloadMatchViewLoader();
      }),
    [],
  );
}

function BuyerNeeds({ buyerId }: { buyerId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading } = useQuery(BuyerNeedsQuery, { variables: { buyerId }, fetchPolicy: 'cache-and-network' });
  if (error && !data) return <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert>;
  if (loading && !data) return <Loading />;
  const needs = data?.sourcingNeeds.edges.map((e) => e.node) ?? [];
  if (needs.length === 0) return <Text>{t('buyer.list.empty')}</Text>;
  const summary = (need: (typeof needs)[number]) => (
    <Stack gap={2}>
      <Anchor component={Link} to={`/${lang}/buyer/needs/${need.id}`}>
        {need.title}
      </Anchor>
      <Text size="xs" c="gray.7">
        {t(`buyer.visibility.${need.visibility}.label`)} · {formatDate(lang, need.publishedAt ?? need.updatedAt)}
      </Text>
      {need.status !== 'DRAFT' ? (
        <Anchor component={Link} to={`/${lang}/buyer/needs/${need.id}/matches`} size="sm" {...matchViewPress(need.id, lang)}>
          {t('buyer.list.matches')}
        </Anchor>
      ) : null}
    </Stack>
  );
  const status = (need: (typeof needs)[number]) => (
    <Badge color={STATUS_COLOR[need.status]} variant="outline" style={{ flexShrink: 0 }}>
      {t(`buyer.status.${need.status}`)}
    </Badge>
  );
  // on a phone each need is a card (a three-column table squeezed the status to "ĐÃ T…"); wider, a table
  return (
    <>
      <Stack component="ul" hiddenFrom="sm" gap="xs" p={0} m={0} aria-label={t('buyer.list.title')} style={{ listStyle: 'none' }}>
        {needs.map((need) => (
          <Paper component="li" key={need.id} withBorder p="sm" style={{ overflowWrap: 'anywhere' }}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              {summary(need)}
              {status(need)}
            </Group>
            <Group gap={6} mt={6}>
              <Text size="sm" c="gray.7">
                {t('buyer.list.counts')}
              </Text>
              <IntroductionCounts needId={need.id} />
            </Group>
          </Paper>
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={0} visibleFrom="sm">
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('buyer.list.need')}</Table.Th>
              <Table.Th scope="col">{t('buyer.list.status')}</Table.Th>
              <Table.Th scope="col">{t('buyer.list.counts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {needs.map((need) => (
              <Table.Tr key={need.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{summary(need)}</Table.Td>
                <Table.Td>{status(need)}</Table.Td>
                <Table.Td>
                  <IntroductionCounts needId={need.id} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/** Invited (including those who answered) and accepted, from the need's introductions. */
function IntroductionCounts({ needId }: { needId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(NeedIntroductionsQuery, { variables: { needId }, fetchPolicy: 'cache-and-network' });
  if (!data) return null;
  const intros = data.needIntroductions;
  const invited = intros.filter((i) => i.status !== 'SHORTLISTED').length;
  const accepted = intros.filter((i) => i.status === 'ACCEPTED').length;
  return <Text size="sm">{t('buyer.list.countsValue', { invited, accepted })}</Text>;
}
