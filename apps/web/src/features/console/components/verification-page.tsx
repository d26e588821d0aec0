import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VerificationQueueQuery as QueueData, VerificationStatus } from '../../../gql/graphql.js';
import { formatDate, formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { useTermLabels } from '../../../lib/use-term-labels.js';
import { SetVerificationMutation, VerificationQueueQuery } from '../api/console.js';
import { Loading } from '../../../components/loading.js';
import { KeepTogether } from '../../../components/keep-together.js';

type Item = QueueData['verificationQueuePage']['edges'][number]['node'];

/** Suppliers per page of the queue; "show more" appends the next page. */
export const QUEUE_PAGE_SIZE = 25;

/** Unverified suppliers, the longest waiting first: verify or suspend each at the version shown. */
export function VerificationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, loading, error, refetch, fetchMore } = useQuery(VerificationQueueQuery, {
    variables: { lang, first: QUEUE_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [more, setMore] = useState<{ loading: boolean; problem?: ApiProblem }>({ loading: false });
  if (error && !data) return <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert>;
  if (loading && !data) return <Loading />;
  const page = data?.verificationQueuePage;
  const queue = page?.edges.map((edge) => edge.node) ?? [];
  if (!page || queue.length === 0) return <Text>{t('console.verification.empty')}</Text>;
  const showMore = async () => {
    setMore({ loading: true });
    try {
      await fetchMore({
        variables: { after: page.pageInfo.endCursor },
        // the next page appended to the pages shown (a supplier decided meanwhile is not shown twice)
        updateQuery: (shown, { fetchMoreResult }) => {
          const known = new Set(shown.verificationQueuePage.edges.map((edge) => edge.node.supplier.id));
          return {
            verificationQueuePage: {
              ...fetchMoreResult.verificationQueuePage,
              edges: [
                ...shown.verificationQueuePage.edges,
                ...fetchMoreResult.verificationQueuePage.edges.filter((edge) => !known.has(edge.node.supplier.id)),
              ],
            },
          };
        },
      });
      setMore({ loading: false });
    } catch (failure) {
      setMore({ loading: false, problem: problemFrom(failure) });
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm" role="status" data-testid="queue-count">
        {t('console.verification.shown', { shown: formatNumber(lang, queue.length), total: formatNumber(lang, page.totalCount) })}
      </Text>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {queue.map((item) => (
          <li key={item.supplier.id}>
            <QueueItem item={item} onDone={() => void refetch()} />
          </li>
        ))}
      </Stack>
      {more.problem ? <Alert color="red">{problemMessage(t, more.problem)}</Alert> : null}
      {page.pageInfo.hasNextPage ? (
        <Button variant="default" onClick={() => void showMore()} loading={more.loading} style={{ alignSelf: 'flex-start' }}>
          {t('console.verification.showMore', { count: Math.min(QUEUE_PAGE_SIZE, page.totalCount - queue.length) })}
        </Button>
      ) : null}
    </Stack>
  );
}

function QueueItem({ item, onDone }: { item: Item; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [problem, setProblem] = useState<ApiProblem>();
  const [setStatus, { loading }] = useMutation(SetVerificationMutation);
  const certificate = useTermLabels('CERTIFICATION');
  const { supplier } = item;
  const decide = async (status: VerificationStatus) => {
    setProblem(undefined);
    try {
      await setStatus({ variables: { input: { supplierId: supplier.id, status, version: supplier.version } } });
      onDone();
    } catch (error) {
      setProblem(problemFrom(error));
    }
  };
  const titleId = `queue-${supplier.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id={titleId}>
            <Anchor component={Link} to={`/${lang}/suppliers/${supplier.id}`} inherit>
              {supplier.nameVi}
            </Anchor>
          </Title>
          <Badge variant="outline" color={item.previouslyVerifiedAt ? 'orange.9' : 'blue.9'}>
            {item.previouslyVerifiedAt ? t('console.verification.changed') : t('console.verification.new')}
          </Badge>
        </Group>
        <Text size="sm">
          <KeepTogether>{t('console.verification.taxCode', { code: supplier.taxCode })}</KeepTogether> ·{' '}
          {supplier.zone?.label ?? t('console.verification.noZone')} ·{' '}
          <KeepTogether>{t('console.verification.version', { version: supplier.version })}</KeepTogether>
        </Text>
        <Text size="sm">
          {item.previouslyVerifiedAt
            ? t('console.verification.changedSince', {
                verified: formatDate(lang, item.previouslyVerifiedAt),
                changed: formatDate(lang, item.waitingSince),
              })
            : t('console.verification.registered', {
                date: formatDate(lang, supplier.createdAt),
                changed: formatDate(lang, item.waitingSince),
              })}
        </Text>
        {supplier.processes.length ? (
          <Text size="sm">{t('console.verification.processes', { list: supplier.processes.map((p) => p.label).join(', ') })}</Text>
        ) : null}
        {supplier.certifications.length ? (
          <Text size="sm">
            {t('console.verification.certifications', { list: supplier.certifications.map((c) => certificate(c.code)).join(', ') })}
          </Text>
        ) : null}
        {problem ? <Alert color="red">{problemMessage(t, problem)}</Alert> : null}
        <Group gap="xs">
          <Button
            size="xs"
            loading={loading}
            onClick={() => void decide('VERIFIED')}
            aria-label={t('console.verification.verifyName', { name: supplier.nameVi })}
          >
            {t('console.verification.verify')}
          </Button>
          <Button
            size="xs"
            variant="outline"
            color="red.9"
            loading={loading}
            onClick={() => void decide('SUSPENDED')}
            aria-label={t('console.verification.suspendName', { name: supplier.nameVi })}
          >
            {t('console.verification.suspend')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
