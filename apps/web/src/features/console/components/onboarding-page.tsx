import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type FragmentType, getFragmentData } from '../../../gql/index.js';
import { formatDate, formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { CentreEnteredSuppliersQuery, OnboardingRowFragmentDoc, RecordConsentMutation } from '../api/onboarding.js';
import { ClaimHandOver } from './claim-hand-over.js';
import { Loading } from '../../../components/loading.js';
import { KeepTogether } from '../../../components/keep-together.js';

/** Profiles per page of the list; "show more" appends the next page. */
export const ONBOARDING_PAGE_SIZE = 25;

/**
 * `/:lang/console/onboarding`: the profiles the centre entered on SMEs' behalf, newest first — by
 * default those still waiting for their SME (not yet claimed, or not yet published).
 */
export function OnboardingPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [all, setAll] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(CentreEnteredSuppliersQuery, {
    variables: { pending: !all, first: ONBOARDING_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [more, setMore] = useState<{ loading: boolean; problem?: ApiProblem }>({ loading: false });
  const page = data?.centreEnteredSuppliers;
  const rows = page?.edges.map((edge) => edge.node) ?? [];
  const showMore = async () => {
    if (!page) return;
    setMore({ loading: true });
    try {
      await fetchMore({
        variables: { after: page.pageInfo.endCursor },
        updateQuery: (shown, { fetchMoreResult }) => ({
          centreEnteredSuppliers: {
            ...fetchMoreResult.centreEnteredSuppliers,
            edges: [...shown.centreEnteredSuppliers.edges, ...fetchMoreResult.centreEnteredSuppliers.edges],
          },
        }),
      });
      setMore({ loading: false });
    } catch (failure) {
      setMore({ loading: false, problem: problemFrom(failure) });
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Button component={Link} to={`/${lang}/console/onboarding/new`}>
          {t('console.onboarding.new')}
        </Button>
        <Switch checked={all} onChange={(event) => setAll(event.currentTarget.checked)} label={t('console.onboarding.showAll')} />
      </Group>
      {error && !data ? <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert> : null}
      {loading && !data ? <Loading /> : null}
      {page ? (
        <Text size="sm" role="status" data-testid="onboarding-count">
          {rows.length === 0
            ? t('console.onboarding.empty')
            : t('console.onboarding.shown', { shown: formatNumber(lang, rows.length), total: formatNumber(lang, page.totalCount) })}
        </Text>
      ) : null}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => {
          const { id } = getFragmentData(OnboardingRowFragmentDoc, row);
          return (
            <li key={id}>
              <OnboardingCard row={row} />
            </li>
          );
        })}
      </Stack>
      {more.problem ? <Alert color="red">{problemMessage(t, more.problem)}</Alert> : null}
      {page?.pageInfo.hasNextPage ? (
        <Button variant="default" onClick={() => void showMore()} loading={more.loading} style={{ alignSelf: 'flex-start' }}>
          {t('console.onboarding.showMore', { count: Math.min(ONBOARDING_PAGE_SIZE, page.totalCount - rows.length) })}
        </Button>
      ) : null}
    </Stack>
  );
}

/**
 * One profile the centre entered: name, tax code, where its data came from, consent, claim, when it
 * was entered; links to the profile and its edit page; a claim code to hand over and the SME's
 * consent to record. `editLink: false` on the edit page itself.
 */
export function OnboardingCard({ row, editLink = true }: { row: FragmentType<typeof OnboardingRowFragmentDoc>; editLink?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const supplier = getFragmentData(OnboardingRowFragmentDoc, row);
  const onboarding = supplier.onboarding;
  const titleId = `onboarding-${supplier.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={titleId} data-testid="onboarding-row">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id={titleId}>
            {supplier.nameVi}
          </Title>
          <Group gap={6}>
            <Badge variant="light" color={onboarding?.published ? 'teal' : 'orange'}>
              {onboarding?.published ? t('console.onboarding.published') : t('console.onboarding.unpublished')}
            </Badge>
            <Badge variant="light" color={onboarding?.claimedAt ? 'blue' : 'gray'}>
              {onboarding?.claimedAt
                ? t('console.onboarding.claimed', { date: formatDate(lang, onboarding.claimedAt) })
                : t('console.onboarding.unclaimed')}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          <KeepTogether>{t('console.onboarding.taxCode', { code: supplier.taxCode })}</KeepTogether> ·{' '}
          {t('console.onboarding.created', { date: formatDate(lang, supplier.createdAt) })}
        </Text>
        {onboarding?.dataSource ? (
          <Text size="sm">
            {t('console.onboarding.source', { source: t(`console.onboarding.dataSource.${onboarding.dataSource}.label`) })}
          </Text>
        ) : null}
        <Group gap="md">
          <Anchor
            component={Link}
            to={`/${lang}/suppliers/${supplier.id}`}
            size="sm"
            aria-label={t('console.onboarding.openName', { name: supplier.nameVi })}
          >
            {t('console.onboarding.open')}
          </Anchor>
          {editLink ? (
            <Anchor
              component={Link}
              to={`/${lang}/console/onboarding/${supplier.id}`}
              size="sm"
              aria-label={t('console.onboarding.editName', { name: supplier.nameVi })}
            >
              {t('console.onboarding.edit')}
            </Anchor>
          ) : null}
        </Group>
        {onboarding && !onboarding.published ? (
          <RecordConsent supplierId={supplier.id} version={supplier.version} name={supplier.nameVi} />
        ) : null}
        {onboarding?.maintainedBy === 'CENTRE' ? <ClaimHandOver supplierId={supplier.id} name={supplier.nameVi} /> : null}
      </Stack>
    </Card>
  );
}

/** The SME agreed later (on the phone, on a visit): the centre records its consent, after saying what publishing means. */
function RecordConsent({ supplierId, version, name }: { supplierId: string; version: number; name: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [record, { loading }] = useMutation(RecordConsentMutation);
  const confirm = async () => {
    setProblem(undefined);
    try {
      await record({ variables: { supplierId, version } });
      setAsking(false);
    } catch (error) {
      setProblem(problemFrom(error));
    }
  };
  if (!asking)
    return (
      <Group>
        <Button size="xs" variant="default" onClick={() => setAsking(true)} aria-label={t('console.onboarding.consentName', { name })}>
          {t('console.onboarding.consent')}
        </Button>
      </Group>
    );
  return (
    <Alert color="blue" variant="light" title={t('console.onboarding.consent')}>
      <Stack gap="xs">
        <Text size="sm">{t('console.onboarding.form.consentHelp')}</Text>
        {problem ? (
          <Text size="sm" c="red.9">
            {problemMessage(t, problem)}
          </Text>
        ) : null}
        <Group gap="xs">
          <Button size="xs" loading={loading} onClick={() => void confirm()}>
            {t('console.onboarding.consentConfirm')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setAsking(false)}>
            {t('console.onboarding.cancel')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
