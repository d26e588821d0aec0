import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchNeedsQuery as MatchNeedsData } from '../../../gql/graphql.js';
import { formatDate, formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { MatchNeedsQuery } from '../api/inbox.js';
import { MemberPage } from '../components/member-page.js';
import { Loading } from '../../../components/loading.js';
import { KeepTogether } from '../../../components/keep-together.js';

type NeedMatch = MatchNeedsData['matchNeeds'][number];

/** `/:lang/needs`: open needs the member's supplier could win, each criterion explained. */
export function NeedsRoute() {
  const { t } = useTranslation();
  return (
    <MemberPage title={t('needs.title')} intro={t('needs.intro')}>
      {(supplierId) => (supplierId ? <Matches supplierId={supplierId} /> : <Text>{t('needs.noSupplier')}</Text>)}
    </MemberPage>
  );
}

function Matches({ supplierId }: { supplierId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  // Explanations and labels both in the reader's language.
  const { data, error, loading } = useQuery(MatchNeedsQuery, { variables: { supplierId, lang } });
  if (error && !data) return <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert>;
  if (loading && !data) return <Loading />;
  const matches = data?.matchNeeds ?? [];
  if (matches.length === 0) return <Text>{t('needs.empty')}</Text>;
  return (
    <Stack gap="sm">
      {matches.map((match) => (
        <Match key={match.need.id} match={match} />
      ))}
    </Stack>
  );
}

function Match({ match }: { match: NeedMatch }) {
  const { t } = useTranslation();
  const lang = useLang();
  const percent = (value: number) => formatNumber(lang, value, { style: 'percent', maximumFractionDigits: 0 });
  const { need } = match;
  const titleId = `need-${need.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id={titleId}>
            {need.title}
          </Title>
          <Group gap={4}>
            <Badge color="blue.9" variant="outline">
              {t('needs.rank', { rank: match.rank })}
            </Badge>
            <Badge color="teal.9" variant="outline">
              {t('needs.score', { score: percent(match.score) })}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" c="gray.7">
          {[
            need.buyer?.name,
            need.processes.map((p) => p.label).join(', '),
            // the quantity read as one ("월 / 1,500 m" left the number on the next line at 390 px)
            need.quantityPerMonth ? (
              <KeepTogether>
                {t('needs.perMonth', {
                  value: formatNumber(lang, need.quantityPerMonth.value),
                  unit: t(`enums.unit.${need.quantityPerMonth.unit}`),
                })}
              </KeepTogether>
            ) : null,
            need.neededBy ? t('needs.neededBy', { date: formatDate(lang, need.neededBy) }) : null,
          ]
            .filter(Boolean)
            .map((fact, i) => (
              <Fragment key={i}>
                {i ? ' · ' : null}
                {fact}
              </Fragment>
            ))}
        </Text>
        <Table.ScrollContainer minWidth={0}>
          <Table layout="fixed" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                {/* wide enough at 390 px for a whole "リードタイム" and "スコア" (30 % and 18 % broke both) */}
                <Table.Th scope="col" w="34%">
                  {t('needs.criterion')}
                </Table.Th>
                <Table.Th scope="col" w="5em">
                  {t('needs.criterionScore')}
                </Table.Th>
                <Table.Th scope="col">{t('needs.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {match.criteria.map((criterion) => (
                <Table.Tr key={criterion.key}>
                  <Table.Th scope="row" style={{ overflowWrap: 'anywhere' }}>
                    {t(`buyer.criteria.${criterion.key}`, { defaultValue: criterion.key })}
                  </Table.Th>
                  <Table.Td>{percent(criterion.score)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{criterion.explanation}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {match.missing.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t('needs.missing')}
            </Text>
            <List size="sm">
              {match.missing.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}
