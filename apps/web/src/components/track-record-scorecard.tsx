import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Paper, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql/index.js';
import type { TrackRecordFiguresFragment } from '../gql/graphql.js';
import { getFragmentData } from '../gql/index.js';
import { formatNumber } from '../i18n/format.js';
import { useLang } from '../i18n/use-lang.js';
import { problemFrom } from '../lib/api-errors.js';
import { problemMessage } from '../lib/problem-messages.js';
import { Loading } from './loading.js';
import classes from './row-cards.module.css';

const FiguresFragment = graphql(`
  fragment TrackRecordFigures on TrackRecordFigures {
    deliveries
    onTimeRate
    defectsPpm
    volume {
      unit
      quantity
      deliveries
    }
  }
`);

export const SupplierScorecardQuery = graphql(`
  query SupplierScorecard($supplierId: ID!) {
    supplierScorecard(supplierId: $supplierId) {
      supplierId
      published
      minimumDeliveries
      overall {
        ...TrackRecordFigures
      }
      byBuyer {
        buyerId
        buyerName
        figures {
          ...TrackRecordFigures
        }
      }
    }
  }
`);

const PublishMutation = graphql(`
  mutation PublishTrackRecord($supplierId: ID!, $published: Boolean!) {
    publishTrackRecord(supplierId: $supplierId, published: $published) {
      supplierId
      published
    }
  }
`);

/**
 * A supplier's delivery record: on-time rate, defects (ppm) and volume, overall and per buyer, each
 * with the deliveries it rests on ("not enough deliveries" under the minimum). What it shows is what
 * the API returned for the caller; `own`: the supplier's member, with the switch that publishes it.
 */
export function TrackRecordScorecard({ supplierId, own = false }: { supplierId: string; own?: boolean }) {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(SupplierScorecardQuery, { variables: { supplierId }, fetchPolicy: 'cache-and-network' });
  const [publish, publishing] = useMutation(PublishMutation, { refetchQueries: [SupplierScorecardQuery] });
  const card = data?.supplierScorecard;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="scorecard-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="scorecard-title">
          {t('trackRecords.scorecard.title')}
        </Title>
        {loading && !data ? <Loading size="sm" /> : null}
        {error ? <Alert color="red">{problemMessage(t, problemFrom(error))}</Alert> : null}
        {data && !card ? <Text size="sm">{t('trackRecords.scorecard.notPublished')}</Text> : null}
        {card ? (
          <>
            <Text size="sm" c="gray.7">
              {own ? t('trackRecords.scorecard.ownIntro') : t('trackRecords.scorecard.publicIntro')}
            </Text>
            {own ? (
              <Switch
                checked={card.published}
                disabled={publishing.loading}
                onChange={(e) => void publish({ variables: { supplierId, published: e.currentTarget.checked } })}
                label={t('trackRecords.scorecard.publish')}
                description={t('trackRecords.scorecard.publishHint')}
              />
            ) : null}
            {publishing.error ? <Alert color="red">{problemMessage(t, problemFrom(publishing.error))}</Alert> : null}
            <Figures figures={getFragmentData(FiguresFragment, card.overall)} minimum={card.minimumDeliveries} />
            {card.byBuyer.length ? (
              <ByBuyer
                rows={card.byBuyer.map((row) => ({
                  key: row.buyerId ?? 'undisclosed',
                  name: row.buyerName ?? t('trackRecords.scorecard.undisclosed'),
                  figures: getFragmentData(FiguresFragment, row.figures),
                }))}
                minimum={card.minimumDeliveries}
              />
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

function useFigureText(figures: TrackRecordFiguresFragment, minimum: number) {
  const { t } = useTranslation();
  const lang = useLang();
  const enough = figures.onTimeRate !== null && figures.defectsPpm !== null;
  return {
    enough,
    onTime: enough ? formatNumber(lang, figures.onTimeRate!, { style: 'percent', maximumFractionDigits: 1 }) : '—',
    ppm: enough ? t('trackRecords.scorecard.ppm', { value: formatNumber(lang, figures.defectsPpm!, { maximumFractionDigits: 0 }) }) : '—',
    volume: figures.volume.map((v) => `${formatNumber(lang, v.quantity)} ${t(`enums.unit.${v.unit}`)}`).join(' · ') || '—',
    notEnough: t('trackRecords.scorecard.notEnough', { count: figures.deliveries, minimum }),
    restsOn: t('trackRecords.scorecard.restsOn', { count: figures.deliveries }),
  };
}

function Figures({ figures, minimum }: { figures: TrackRecordFiguresFragment; minimum: number }) {
  const { t } = useTranslation();
  const text = useFigureText(figures, minimum);
  if (figures.deliveries === 0) return <Text size="sm">{t('trackRecords.scorecard.none')}</Text>;
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('trackRecords.scorecard.overall')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Figure label={t('trackRecords.scorecard.onTime')} value={text.onTime} />
        <Figure label={t('trackRecords.scorecard.defects')} value={text.ppm} />
        <Figure label={t('trackRecords.scorecard.volume')} value={text.volume} />
      </SimpleGrid>
      <Text size="sm" c={text.enough ? 'gray.7' : 'red.9'} fw={text.enough ? undefined : 600}>
        {text.enough ? text.restsOn : text.notEnough}
      </Text>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Stack>
  );
}

interface BuyerFigures {
  key: string;
  name: string;
  figures: TrackRecordFiguresFragment;
}

/**
 * The record per buyer: a table, and on a phone a card per buyer (its name, then each column's label
 * and value), as the analytics figures do: five columns in a phone's card either scrolled sideways
 * unseen (buyers and defects off-screen) or squeezed their headings a few characters a line.
 */
function ByBuyer({ rows, minimum }: { rows: BuyerFigures[]; minimum: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Stack gap={4}>
      <Title order={3} size="h5" id={headingId}>
        {t('trackRecords.scorecard.byBuyer')}
      </Title>
      <Table.ScrollContainer minWidth={520} type="native" tabIndex={0} role="region" aria-labelledby={headingId} visibleFrom="sm">
        <Table striped data-testid="by-buyer-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trackRecords.scorecard.buyer')}</Table.Th>
              <Table.Th scope="col">{t('trackRecords.scorecard.deliveries')}</Table.Th>
              <Table.Th scope="col">{t('trackRecords.scorecard.onTime')}</Table.Th>
              <Table.Th scope="col">{t('trackRecords.scorecard.defects')}</Table.Th>
              <Table.Th scope="col">{t('trackRecords.scorecard.volume')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <BuyerRow key={row.key} name={row.name} figures={row.figures} minimum={minimum} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack
        component="ul"
        gap="xs"
        p={0}
        m={0}
        hiddenFrom="sm"
        aria-labelledby={headingId}
        data-testid="by-buyer-cards"
        className={classes.cards}
      >
        {rows.map((row) => (
          <BuyerCard key={row.key} name={row.name} figures={row.figures} minimum={minimum} />
        ))}
      </Stack>
    </Stack>
  );
}

function BuyerRow({ name, figures, minimum }: { name: string; figures: TrackRecordFiguresFragment; minimum: number }) {
  const lang = useLang();
  const text = useFigureText(figures, minimum);
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {name}
      </Table.Th>
      <Table.Td>{formatNumber(lang, figures.deliveries)}</Table.Td>
      {text.enough ? (
        <>
          <Table.Td>{text.onTime}</Table.Td>
          <Table.Td>{text.ppm}</Table.Td>
        </>
      ) : (
        <Table.Td colSpan={2}>{text.notEnough}</Table.Td>
      )}
      <Table.Td>{text.volume}</Table.Td>
    </Table.Tr>
  );
}

function BuyerCard({ name, figures, minimum }: { name: string; figures: TrackRecordFiguresFragment; minimum: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useFigureText(figures, minimum);
  const pair = (label: string, value: string) => (
    <div className={classes.pair}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <Paper component="li" withBorder p="xs">
      <Text fw={600} size="sm" className={classes.cardTitle}>
        {name}
      </Text>
      <dl className={classes.pairs}>
        {pair(t('trackRecords.scorecard.deliveries'), formatNumber(lang, figures.deliveries))}
        {text.enough ? pair(t('trackRecords.scorecard.onTime'), text.onTime) : null}
        {text.enough ? pair(t('trackRecords.scorecard.defects'), text.ppm) : null}
        {pair(t('trackRecords.scorecard.volume'), text.volume)}
      </dl>
      {text.enough ? null : (
        <Text size="sm" c="red.9" fw={600} className={classes.cardTitle}>
          {text.notEnough}
        </Text>
      )}
    </Paper>
  );
}
