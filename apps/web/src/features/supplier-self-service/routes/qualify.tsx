import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type FragmentType, getFragmentData } from '../../../gql/index.js';
import { formatList, formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { UpgradePathFieldsFragmentDoc, UpgradePathsQuery } from '../api/upgrade-paths.js';
import { MemberPage } from '../components/member-page.js';
import { Loading } from '../../../components/loading.js';

/**
 * `/:lang/qualify`: "How to qualify for more work". The smallest changes (a certificate, a process,
 * capacity, tolerance, lead time, or two together) that would make the member's supplier qualify for
 * more of the open needs it may see, as the API judges them; the explanations come in the page's language.
 */
export function QualifyRoute() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <MemberPage title={t('qualify.title')} intro={t('qualify.intro')}>
      {(supplierId) =>
        supplierId ? (
          <UpgradePaths supplierId={supplierId} />
        ) : (
          <Text>
            {t('qualify.noSupplier')}{' '}
            <Anchor component={Link} to={`/${lang}/my-supplier`}>
              {t('qualify.createProfile')}
            </Anchor>
          </Text>
        )
      }
    </MemberPage>
  );
}

function UpgradePaths({ supplierId }: { supplierId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading } = useQuery(UpgradePathsQuery, { variables: { supplierId, lang } });
  if (error && !data) return <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert>;
  if (loading && !data) return <Loading />;
  const answer = data!.upgradePaths;
  return (
    <Stack gap="md">
      <Text data-testid="qualify-summary">
        {t('qualify.summary', { seen: formatNumber(lang, answer.openNeedsSeen), qualified: formatNumber(lang, answer.qualifiedNow) })}
      </Text>
      <Stack gap="sm" component="section" aria-labelledby="single-changes">
        <Title order={2} size="h3" id="single-changes">
          {t('qualify.paths')}
        </Title>
        {answer.paths.length === 0 ? <Text>{t('qualify.noPaths')}</Text> : null}
        {answer.paths.map((path, i) => (
          <PathCard key={i} id={`path-${i}`} path={path} />
        ))}
      </Stack>
      {answer.combinations.length > 0 ? (
        <Stack gap="sm" component="section" aria-labelledby="combinations">
          <Title order={2} size="h3" id="combinations">
            {t('qualify.combinations')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('qualify.combinationsIntro')}
          </Text>
          {answer.combinations.map((path, i) => (
            <PathCard key={i} id={`combination-${i}`} path={path} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

/**
 * One path: the change(s) as its title, how many more needs it unlocks, their volume and sectors, and
 * the near misses once — as a list of what they would still miss (the API's `explanation` says all of
 * this again in one paragraph, so the card does not show it).
 */
function PathCard({ id, path: masked }: { id: string; path: FragmentType<typeof UpgradePathFieldsFragmentDoc> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const path = getFragmentData(UpgradePathFieldsFragmentDoc, masked);
  const combination = path.changes.length > 1;
  return (
    <Card withBorder component="article" aria-labelledby={id} data-testid="upgrade-path">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Title order={3} size="h4" id={id} style={{ overflowWrap: 'anywhere' }}>
            {formatList(
              lang,
              path.changes.map((c) => c.description),
            )}
          </Title>
          <Badge color="teal.9" variant="outline" size="lg">
            {t('qualify.moreNeeds', { count: path.additionalNeeds, formatted: formatNumber(lang, path.additionalNeeds) })}
          </Badge>
        </Group>
        <dl style={{ margin: 0 }}>
          {path.monthlyVolume.length > 0 ? (
            <Fact term={t('qualify.volume')}>
              {formatList(
                lang,
                path.monthlyVolume.map((v) => `${formatNumber(lang, v.total)} ${t(`enums.unit.${v.unit}` as 'enums.unit.PCS')}`),
              )}
            </Fact>
          ) : null}
          {path.buyerSectors.length > 0 ? (
            <Fact term={t('qualify.sectors')}>
              {formatList(
                lang,
                path.buyerSectors.map((s) => t('qualify.sectorNeeds', { sector: s.sector.label, count: s.needs })),
              )}
            </Fact>
          ) : null}
        </dl>
        {combination ? (
          <Text size="sm" data-testid="only-together">
            {t('qualify.onlyTogether', { count: path.onlyTogether, formatted: formatNumber(lang, path.onlyTogether) })}
          </Text>
        ) : null}
        {path.nearMisses > 0 ? (
          <div data-testid="near-misses">
            <Text size="sm" fw={600} id={`${id}-near`}>
              {t('qualify.nearMisses', { count: path.nearMisses, formatted: formatNumber(lang, path.nearMisses) })}
            </Text>
            <List size="sm" aria-labelledby={`${id}-near`}>
              {path.stillMissing.map((m, i) => (
                <List.Item key={i}>
                  {t('qualify.stillMissing', { what: m.description, count: m.needs, formatted: formatNumber(lang, m.needs) })}
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="wrap" component="div">
      <Text component="dt" size="sm" fw={600}>
        {term}:
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </Group>
  );
}
