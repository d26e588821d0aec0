import { useQuery } from '@apollo/client/react';
import { Anchor, Breadcrumbs, Button, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CoachingGapKind, CoverageDimension, FunnelDimension } from '../../gql/graphql.js';
import { formatList, formatNumber } from '../../i18n/format.js';
import { useLang } from '../../i18n/use-lang.js';
import {
  CertificationExpiryQuery,
  CoachingTargetsQuery,
  FIRST_COVERAGE_DIMENSION,
  LocalisationQuery,
  MatchingFunnelQuery,
  SupplierGrowthQuery,
  SupplyCoverageQuery,
  SupplyGapsQuery,
} from './api/analytics.js';
import { Chart } from './components/chart.js';
import { DashboardFrame } from './components/dashboard-frame.js';
import { FigureTable } from './components/figure-table.js';
import { Choice, DateRange } from './components/filters.js';
import { defaultRange, percent, pivot, type Cell, type ChartSpec, type Figure } from './figure.js';

/**
 * One component per analytics query. Each turns the query's answer into one figure (table and CSV)
 * and one chart drawn from that figure's numbers.
 */
export const DASHBOARDS = {
  coverage: CoverageDashboard,
  gaps: GapsDashboard,
  coaching: CoachingDashboard,
  certificates: CertificatesDashboard,
  funnel: FunnelDashboard,
  localisation: LocalisationDashboard,
  growth: GrowthDashboard,
} as const;
export type DashboardName = keyof typeof DASHBOARDS;

const DIMENSIONS: CoverageDimension[] = ['PROCESS', 'PRODUCT_GROUP', 'CERTIFICATION', 'ZONE', 'SECTOR'];

function CoverageDashboard() {
  const { t } = useTranslation();
  const lang = useLang();
  const [by, setBy] = useState<CoverageDimension>(FIRST_COVERAGE_DIMENSION);
  // The drill path: codes from a root down to the term whose children are shown.
  const [path, setPath] = useState<{ code: string; label: string }[]>([]);
  const { data, loading, error } = useQuery(SupplyCoverageQuery, { variables: { by, lang } });
  const all = data?.supplyCoverage.rows ?? [];
  const parent = path.at(-1)?.code ?? null;
  const shown = all.filter((r) => (r.parent ?? null) === parent);
  const hasChildren = (code: string) => all.some((r) => r.parent === code);
  const figure = useMemo<Figure | null>(
    () =>
      data
        ? {
            columns: [
              { key: 'code', label: t('analytics.col.code') },
              { key: 'label', label: t(`analytics.coverage.by.${by}`) },
              { key: 'verified', label: t('analytics.col.verifiedSuppliers'), numeric: true },
              { key: 'certified', label: t('analytics.col.withValidCertification'), numeric: true },
            ],
            rows: shown.map((r) => ({
              code: r.term.code,
              label: r.term.label,
              verified: r.verifiedSuppliers,
              certified: r.withValidCertification,
            })),
          }
        : null,
    [data, parent, t, by],
  );
  const spec = useMemo<ChartSpec | null>(
    () =>
      figure && {
        kind: 'bar',
        horizontal: true,
        categories: figure.rows.map((r) => String(r.label)),
        series: [
          { name: t('analytics.col.verifiedSuppliers'), data: figure.rows.map((r) => r.verified as number) },
          { name: t('analytics.col.withValidCertification'), data: figure.rows.map((r) => r.certified as number) },
        ],
      },
    [figure, t],
  );
  const drill = (index: number) => {
    const row = shown[index];
    if (row && hasChildren(row.term.code)) setPath([...path, { code: row.term.code, label: row.term.label }]);
  };
  return (
    <DashboardFrame
      title={t('analytics.coverage.title')}
      intro={t('analytics.coverage.intro')}
      asOf={data?.supplyCoverage.asOf}
      loading={loading}
      error={error}
      figure={figure}
      csvName={`coverage-${by.toLowerCase()}${parent ? `-${parent}` : ''}`}
      filters={
        <Choice
          label={t('analytics.coverage.dimension')}
          value={by}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`analytics.coverage.by.${d}`) }))}
          onChange={(next) => {
            setBy(next);
            setPath([]);
          }}
        />
      }
    >
      <nav aria-label={t('analytics.coverage.path')}>
        <Breadcrumbs separator="›">
          <Anchor component="button" type="button" size="sm" onClick={() => setPath([])}>
            {t('analytics.coverage.all')}
          </Anchor>
          {path.map((step, i) => (
            <Anchor
              component="button"
              type="button"
              size="sm"
              key={step.code}
              onClick={() => setPath(path.slice(0, i + 1))}
              aria-current={i === path.length - 1 ? 'location' : undefined}
            >
              {step.label}
            </Anchor>
          ))}
        </Breadcrumbs>
      </nav>
      {spec ? <Chart spec={spec} label={t('analytics.chartLabel', { title: t('analytics.coverage.title') })} onSelect={drill} /> : null}
      {figure ? (
        <FigureTable
          figure={figure}
          caption={t('analytics.coverage.caption')}
          titleKeys={['label']}
          action={(i) =>
            hasChildren(shown[i]!.term.code) ? (
              <Button size="compact-xs" variant="subtle" onClick={() => drill(i)}>
                {t('analytics.coverage.drill')}
                <VisuallyHidden component="span">: {shown[i]!.term.label}</VisuallyHidden>
              </Button>
            ) : null
          }
        />
      ) : null}
    </DashboardFrame>
  );
}

function GapsDashboard() {
  const { t } = useTranslation();
  const lang = useLang();
  const [threshold, setThreshold] = useState(3);
  const { data, loading, error } = useQuery(SupplyGapsQuery, { variables: { threshold, first: 50, lang } });
  const gaps = data?.supplyGaps;
  const figure = useMemo<Figure | null>(
    () =>
      gaps
        ? {
            columns: [
              { key: 'capability', label: t('analytics.gaps.capability') },
              { key: 'needs', label: t('analytics.gaps.blockedNeeds'), numeric: true },
              { key: 'suppliers', label: t('analytics.col.verifiedSuppliers'), numeric: true },
            ],
            rows: gaps.capabilities.map((c) => ({ capability: c.label, needs: c.openNeeds, suppliers: c.suppliers })),
          }
        : null,
    [gaps, t],
  );
  const needs = useMemo<Figure | null>(
    () =>
      gaps
        ? {
            columns: [
              { key: 'title', label: t('analytics.gaps.need') },
              { key: 'qualified', label: t('analytics.gaps.qualified'), numeric: true },
              { key: 'capable', label: t('analytics.gaps.capable'), numeric: true },
              { key: 'bottleneck', label: t('analytics.gaps.bottleneck') },
            ],
            rows: gaps.needs.map((n) => ({
              title: n.title ?? t('analytics.gaps.untitled'),
              qualified: n.qualifiedSuppliers,
              capable: n.capableSuppliers,
              bottleneck: n.bottleneck?.term.label ?? null,
            })),
          }
        : null,
    [gaps, t],
  );
  return (
    <DashboardFrame
      title={t('analytics.gaps.title')}
      intro={t('analytics.gaps.intro')}
      asOf={gaps?.computedAt}
      loading={loading}
      error={error}
      figure={figure}
      csvName={`supply-gaps-${threshold}`}
      filters={
        <Choice
          label={t('analytics.gaps.threshold')}
          value={threshold}
          options={[1, 2, 3, 5, 10].map((n) => ({ value: n, label: String(n) }))}
          onChange={setThreshold}
        />
      }
    >
      {gaps ? (
        <Text>{t('analytics.gaps.summary', { gaps: formatNumber(lang, gaps.gapNeeds), open: formatNumber(lang, gaps.openNeeds) })}</Text>
      ) : null}
      {figure && figure.rows.length > 0 ? (
        <Chart
          spec={{
            kind: 'bar',
            horizontal: true,
            categories: figure.rows.map((r) => String(r.capability)),
            series: [{ name: t('analytics.gaps.blockedNeeds'), data: figure.rows.map((r) => r.needs as number) }],
          }}
          label={t('analytics.chartLabel', { title: t('analytics.gaps.title') })}
        />
      ) : null}
      {figure ? <FigureTable figure={figure} caption={t('analytics.gaps.capabilitiesCaption')} /> : null}
      {needs ? (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('analytics.gaps.needsTitle')}
          </Title>
          <FigureTable figure={needs} caption={t('analytics.gaps.needsCaption')} />
        </Stack>
      ) : null}
    </DashboardFrame>
  );
}

const COACHING_KINDS: CoachingGapKind[] = ['CERTIFICATION', 'PROCESS'];

/**
 * Beside the gaps: for the capabilities blocking the most gap needs, the suppliers one change (that
 * capability) away, the most needs first: whom the centre could coach toward what. One row per
 * supplier and gap (a gap without such supplier keeps one row, so every gap shows).
 */
function CoachingDashboard() {
  const { t } = useTranslation();
  const lang = useLang();
  const [by, setBy] = useState<CoachingGapKind>('CERTIFICATION');
  const [threshold, setThreshold] = useState(3);
  const { data, loading, error } = useQuery(CoachingTargetsQuery, { variables: { by, threshold, lang } });
  const coaching = data?.coachingTargets;
  const figure = useMemo<Figure | null>(
    () =>
      coaching
        ? {
            columns: [
              { key: 'capability', label: t(`analytics.coaching.by.${by}`) },
              { key: 'gapNeeds', label: t('analytics.coaching.gapNeeds'), numeric: true },
              { key: 'holders', label: t('analytics.coaching.holders'), numeric: true },
              { key: 'supplier', label: t('analytics.coaching.supplier') },
              { key: 'zone', label: t('analytics.coaching.zone') },
              { key: 'needs', label: t('analytics.coaching.needs'), numeric: true },
              { key: 'volume', label: t('analytics.coaching.volume') },
            ],
            rows: coaching.gaps.flatMap((g): Record<string, Cell>[] => {
              const gap = { capability: g.term.label, gapNeeds: g.openNeeds, holders: g.suppliers };
              if (g.targets.length === 0) return [{ ...gap, supplier: null, zone: null, needs: null, volume: null, id: null }];
              return g.targets.map((target) => ({
                ...gap,
                supplier: target.supplierName,
                zone: target.zone?.label ?? null,
                needs: target.needs,
                volume: target.monthlyVolume.length
                  ? formatList(
                      lang,
                      target.monthlyVolume.map((v) => `${formatNumber(lang, v.total)} ${t(`enums.unit.${v.unit}` as 'enums.unit.PCS')}`),
                    )
                  : null,
                id: target.supplierId,
              }));
            }),
          }
        : null,
    [coaching, by, lang, t],
  );
  return (
    <DashboardFrame
      title={t('analytics.coaching.title')}
      intro={t('analytics.coaching.intro')}
      asOf={coaching?.computedAt}
      loading={loading}
      error={error}
      figure={figure}
      csvName={`coaching-targets-${by.toLowerCase()}-${threshold}`}
      filters={
        <>
          <Choice
            label={t('analytics.coaching.kind')}
            value={by}
            options={COACHING_KINDS.map((k) => ({ value: k, label: t(`analytics.coaching.by.${k}`) }))}
            onChange={setBy}
          />
          <Choice
            label={t('analytics.gaps.threshold')}
            value={threshold}
            options={[1, 2, 3, 5, 10].map((n) => ({ value: n, label: String(n) }))}
            onChange={setThreshold}
          />
        </>
      }
    >
      {coaching && coaching.gaps.length > 0 ? (
        <Chart
          spec={{
            kind: 'bar',
            horizontal: true,
            categories: coaching.gaps.map((g) => g.term.label),
            series: [{ name: t('analytics.coaching.gapNeeds'), data: coaching.gaps.map((g) => g.openNeeds) }],
          }}
          label={t('analytics.chartLabel', { title: t('analytics.coaching.title') })}
        />
      ) : null}
      {coaching && coaching.gaps.length === 0 ? <Text>{t('analytics.coaching.none')}</Text> : null}
      {figure ? (
        <FigureTable
          figure={figure}
          caption={t('analytics.coaching.caption')}
          titleKeys={['capability', 'supplier']}
          minWidth={760}
          action={(i) => {
            const id = figure.rows[i]!.id;
            return id ? (
              <Anchor component={Link} to={`/${lang}/suppliers/${id}`} size="sm">
                {t('analytics.certificates.open')}
                <VisuallyHidden component="span">: {figure.rows[i]!.supplier}</VisuallyHidden>
              </Anchor>
            ) : null;
          }}
        />
      ) : null}
    </DashboardFrame>
  );
}

function CertificatesDashboard() {
  const { t } = useTranslation();
  const lang = useLang();
  const [withinDays, setWithinDays] = useState(90);
  const { data, loading, error } = useQuery(CertificationExpiryQuery, { variables: { withinDays, lang } });
  const expiry = data?.certificationExpiry;
  const figure = useMemo<Figure | null>(
    () =>
      expiry
        ? {
            columns: [
              { key: 'supplier', label: t('analytics.certificates.supplier') },
              { key: 'certification', label: t('analytics.certificates.certification') },
              { key: 'zone', label: t('analytics.certificates.zone') },
              { key: 'validUntil', label: t('analytics.certificates.validUntil') },
              { key: 'daysLeft', label: t('analytics.certificates.daysLeft'), numeric: true },
            ],
            rows: expiry.certificates.map((c) => ({
              supplier: c.supplierName,
              certification: c.certification.label,
              zone: c.zone?.label ?? null,
              validUntil: c.validUntil,
              daysLeft: c.daysLeft,
              id: c.supplierId,
            })),
          }
        : null,
    [expiry, t],
  );
  // The timeline: certificates lapsing in each 30-day window.
  const spec = useMemo<ChartSpec | null>(() => {
    if (!figure) return null;
    const windows = Array.from({ length: Math.ceil(withinDays / 30) }, (_, i) => i);
    return {
      kind: 'bar',
      categories: windows.map((i) => t('analytics.certificates.window', { from: i * 30, to: Math.min(withinDays, (i + 1) * 30) })),
      series: [
        {
          name: t('analytics.certificates.expiring'),
          data: windows.map(
            (i) => figure.rows.filter((r) => Math.min(Math.floor(Math.max(0, r.daysLeft as number) / 30), windows.length - 1) === i).length,
          ),
        },
      ],
    };
  }, [figure, withinDays, t]);
  return (
    <DashboardFrame
      title={t('analytics.certificates.title')}
      intro={t('analytics.certificates.intro')}
      asOf={expiry?.today}
      loading={loading}
      error={error}
      figure={figure}
      csvName={`certificate-expiry-${withinDays}d`}
      filters={
        <Choice
          label={t('analytics.certificates.within')}
          value={withinDays}
          options={[30, 60, 90].map((n) => ({ value: n, label: t('analytics.certificates.days', { count: n }) }))}
          onChange={setWithinDays}
        />
      }
    >
      {spec ? <Chart spec={spec} label={t('analytics.chartLabel', { title: t('analytics.certificates.title') })} /> : null}
      {figure ? (
        <FigureTable
          figure={figure}
          caption={t('analytics.certificates.caption', { count: expiry?.total ?? 0 })}
          titleKeys={['supplier']}
          action={(i) => (
            <Anchor component={Link} to={`/${lang}/suppliers/${figure.rows[i]!.id}`} size="sm">
              {t('analytics.certificates.open')}
            </Anchor>
          )}
        />
      ) : null}
    </DashboardFrame>
  );
}

const STAGES = ['needs', 'matched', 'invited', 'accepted', 'awarded'] as const;

function FunnelDashboard() {
  const { t } = useTranslation();
  const lang = useLang();
  const [range, setRange] = useState(defaultRange);
  const [period, setPeriod] = useState<FunnelDimension>('MONTH');
  const [bySector, setBySector] = useState(false);
  const groupBy: FunnelDimension[] = bySector ? [period, 'SECTOR'] : [period];
  const { data, loading, error } = useQuery(MatchingFunnelQuery, { variables: { ...range, groupBy, lang } });
  const rows = data?.matchingFunnel.rows;
  const figure = useMemo<Figure | null>(
    () =>
      rows
        ? {
            columns: [
              { key: 'period', label: t('analytics.funnel.period') },
              ...(bySector ? [{ key: 'sector', label: t('analytics.funnel.sector') }] : []),
              ...STAGES.map((s) => ({ key: s, label: t(`analytics.funnel.stage.${s}`), numeric: true })),
            ],
            rows: newestFirst(rows, (r) => r.period ?? '').map((r) => ({
              period: r.period,
              sector: r.sector?.label ?? null,
              needs: r.needs,
              matched: r.matched,
              invited: r.invited,
              accepted: r.accepted,
              awarded: r.awarded,
            })),
          }
        : null,
    [rows, bySector, t],
  );
  // The funnel's stages side by side per period (summed over sectors).
  const spec = useMemo<ChartSpec | null>(() => {
    if (!figure) return null;
    const periods = [...new Set(figure.rows.map((r) => String(r.period)))].sort();
    return {
      kind: 'bar',
      categories: periods,
      series: STAGES.map((s) => ({
        name: t(`analytics.funnel.stage.${s}`),
        data: periods.map((p) => figure.rows.filter((r) => String(r.period) === p).reduce((sum, r) => sum + (r[s] as number), 0)),
      })),
    };
  }, [figure, t]);
  const reasons = useMemo<Figure | null>(() => {
    if (!rows) return null;
    const totals = new Map<string, number>();
    for (const r of rows) for (const d of r.declineReasons) totals.set(d.reason, (totals.get(d.reason) ?? 0) + d.count);
    return {
      columns: [
        { key: 'reason', label: t('analytics.funnel.reason') },
        { key: 'count', label: t('analytics.funnel.count'), numeric: true },
      ],
      rows: [...totals]
        .sort((a, b) => b[1] - a[1])
        .map(([reason, count]) => ({ reason: t(`inbox.reasons.${reason}`, { defaultValue: reason }), count })),
    };
  }, [rows, t]);
  return (
    <DashboardFrame
      title={t('analytics.funnel.title')}
      intro={t('analytics.funnel.intro')}
      asOf={null}
      live
      loading={loading}
      error={error}
      figure={figure}
      csvName={`matching-funnel-${range.from}-${range.to}`}
      filters={
        <>
          <DateRange value={range} onChange={setRange} />
          <Choice
            label={t('analytics.funnel.groupBy')}
            value={period}
            options={(['MONTH', 'QUARTER'] as const).map((p) => ({ value: p, label: t(`analytics.funnel.by.${p}`) }))}
            onChange={setPeriod}
          />
          <Choice
            label={t('analytics.funnel.sectors')}
            value={bySector ? 'yes' : 'no'}
            options={[
              { value: 'no', label: t('analytics.funnel.allSectors') },
              { value: 'yes', label: t('analytics.funnel.perSector') },
            ]}
            onChange={(v) => setBySector(v === 'yes')}
          />
        </>
      }
    >
      {spec ? <Chart spec={spec} label={t('analytics.chartLabel', { title: t('analytics.funnel.title') })} /> : null}
      {figure ? (
        <FigureTable figure={figure} caption={t('analytics.funnel.caption')} titleKeys={bySector ? ['period', 'sector'] : ['period']} />
      ) : null}
      {reasons ? (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('analytics.funnel.reasonsTitle')}
          </Title>
          {reasons.rows.length ? (
            <FigureTable figure={reasons} caption={t('analytics.funnel.reasonsCaption')} />
          ) : (
            <Text>{t('analytics.funnel.noDeclines')}</Text>
          )}
        </Stack>
      ) : null}
    </DashboardFrame>
  );
}

function LocalisationDashboard() {
  const { t } = useTranslation();
  const lang = useLang();
  const [range, setRange] = useState(defaultRange);
  const [enough, setEnough] = useState(3);
  const { data, loading, error } = useQuery(LocalisationQuery, { variables: { ...range, enough, lang } });
  const rows = data?.localisation.rows;
  const figure = useMemo<Figure | null>(
    () =>
      rows
        ? {
            columns: [
              { key: 'month', label: t('analytics.localisation.month') },
              { key: 'sector', label: t('analytics.funnel.sector') },
              { key: 'open', label: t('analytics.localisation.open'), numeric: true },
              { key: 'wellSupplied', label: t('analytics.localisation.wellSupplied'), numeric: true },
              { key: 'wellSuppliedPct', label: t('analytics.localisation.wellSuppliedPct'), numeric: true },
              { key: 'ended', label: t('analytics.localisation.ended'), numeric: true },
              { key: 'awardedLocal', label: t('analytics.localisation.awardedLocal'), numeric: true },
              { key: 'awardedDomestic', label: t('analytics.localisation.awardedDomestic'), numeric: true },
              { key: 'awardedLocalPct', label: t('analytics.localisation.awardedLocalPct'), numeric: true },
            ],
            rows: newestFirst(rows, (r) => r.month).map((r) => ({
              month: r.month,
              sector: r.sector.label,
              open: r.openNeeds,
              wellSupplied: r.wellSuppliedNeeds,
              wellSuppliedPct: percent(r.wellSuppliedShare),
              ended: r.endedNeeds,
              awardedLocal: r.awardedLocal,
              awardedDomestic: r.awardedDomestic,
              awardedLocalPct: percent(r.awardedLocalShare),
            })),
          }
        : null,
    [rows, t],
  );
  const spec = useMemo<ChartSpec | null>(
    () => figure && { kind: 'line', percent: true, ...pivot(figure.rows, 'month', 'sector', 'wellSuppliedPct') },
    [figure],
  );
  return (
    <DashboardFrame
      title={t('analytics.localisation.title')}
      intro={t('analytics.localisation.intro')}
      asOf={null}
      live
      loading={loading}
      error={error}
      figure={figure}
      csvName={`localisation-${range.from}-${range.to}`}
      filters={
        <>
          <DateRange value={range} onChange={setRange} />
          <Choice
            label={t('analytics.localisation.enough')}
            value={enough}
            options={[1, 2, 3, 5, 10].map((n) => ({ value: n, label: String(n) }))}
            onChange={setEnough}
          />
        </>
      }
    >
      {spec ? <Chart spec={spec} label={t('analytics.chartLabel', { title: t('analytics.localisation.title') })} /> : null}
      {figure ? <FigureTable figure={figure} caption={t('analytics.localisation.caption')} titleKeys={['month', 'sector']} /> : null}
    </DashboardFrame>
  );
}

function GrowthDashboard() {
  const { t } = useTranslation();
  const lang = useLang();
  const [range, setRange] = useState(defaultRange);
  const { data, loading, error } = useQuery(SupplierGrowthQuery, { variables: { ...range, lang } });
  const rows = data?.supplierGrowth.rows;
  const figure = useMemo<Figure | null>(
    () =>
      rows
        ? {
            columns: [
              { key: 'month', label: t('analytics.localisation.month') },
              { key: 'zone', label: t('analytics.certificates.zone') },
              { key: 'registered', label: t('analytics.growth.registered'), numeric: true },
              { key: 'verified', label: t('analytics.growth.verified'), numeric: true },
              { key: 'registeredTotal', label: t('analytics.growth.registeredTotal'), numeric: true },
              { key: 'verifiedTotal', label: t('analytics.growth.verifiedTotal'), numeric: true },
            ],
            rows: newestFirst(rows, (r) => r.month).map((r) => ({
              month: r.month,
              zone: r.zone.label,
              registered: r.registered,
              verified: r.verified,
              registeredTotal: r.registeredTotal,
              verifiedTotal: r.verifiedTotal,
            })),
          }
        : null,
    [rows, t],
  );
  const spec = useMemo<ChartSpec | null>(
    () => figure && { kind: 'bar', stacked: true, ...pivot(figure.rows, 'month', 'zone', 'registered') },
    [figure],
  );
  return (
    <DashboardFrame
      title={t('analytics.growth.title')}
      intro={t('analytics.growth.intro')}
      asOf={null}
      live
      loading={loading}
      error={error}
      figure={figure}
      csvName={`supplier-growth-${range.from}-${range.to}`}
      filters={<DateRange value={range} onChange={setRange} />}
    >
      {spec ? <Chart spec={spec} label={t('analytics.chartLabel', { title: t('analytics.growth.title') })} /> : null}
      {figure ? <FigureTable figure={figure} caption={t('analytics.growth.caption')} titleKeys={['month', 'zone']} /> : null}
    </DashboardFrame>
  );
}

/** A time series' rows for reading: the latest period first (the API's order otherwise kept), as the table shows only its first rows. */
function newestFirst<T>(rows: readonly T[], period: (row: T) => string): T[] {
  return [...rows].sort((a, b) => period(b).localeCompare(period(a)));
}
