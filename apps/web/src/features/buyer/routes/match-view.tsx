import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Slider,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { memo, startTransition, useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotAllowed } from '../../../components/not-allowed.js';
import type { MatchSuppliersQuery as MatchData, NeedForEditFragment, NeedIntroductionsQuery as IntroData } from '../../../gql/graphql.js';
import { getFragmentData } from '../../../gql/index.js';
import { formatDate, formatDistanceKm, formatList, formatNumber } from '../../../i18n/format.js';
import type { Lang } from '../../../i18n/languages.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { useTermLabels } from '../../../lib/use-term-labels.js';
import {
  AwardedSupplierQuery,
  AwardNeedMutation,
  InviteSuppliersMutation,
  RevealBuyerMutation,
  ShortlistSuppliersMutation,
  SupplierContactQuery,
} from '../api/matches.js';
import { NeedForEditFragmentDoc, NeedForEditQuery, NeedHistoryQuery, NeedIntroductionsQuery } from '../api/needs.js';
import { BuyerGate } from '../components/buyer-gate.js';
import { CriterionList, CriterionRow } from '../components/criterion-row.js';
import { NeedTimeline } from '../components/need-timeline.js';
import { CRITERIA, DEFAULT_WEIGHTS, distanceKm, matchVariables, type CriterionKey } from '../match-weights.js';
import { STATUS_COLOR } from '../need-status.js';
import { useRanking } from '../use-ranking.js';
import classes from './match-view.module.css';
import { Loading } from '../../../components/loading.js';

type Match = MatchData['matchSuppliers']['matches'][number];
type Introduction = IntroData['needIntroductions'][number];
const INTRO_COLOR = { SHORTLISTED: 'gray.8', INVITED: 'blue.9', ACCEPTED: 'teal.9', DECLINED: 'red.9' } as const;
const MAX_COMPARED = 3;
/**
 * Ranked cards drawn with the list's first render: more than a tall screen shows above the fold. The
 * others (each card is eleven criterion rows) follow once the browser has painted these.
 */
const FIRST_CARDS = 4;

/**
 * How many of `total` ranked cards to draw: the first FIRST_CARDS at once, then, the first time the
 * list is shown, the rest in a transition after the next paint (≈ 0.3 s sooner on screen with 4× CPU
 * throttling than all twenty in one render). Re-ranked lists are drawn whole: nothing jumps under a
 * reader who has scrolled.
 */
function useStagedCount(total: number): number {
  const [whole, setWhole] = useState(false);
  const staging = !whole && total > FIRST_CARDS;
  useEffect(() => {
    if (!staging) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // a frame, then a task: the first cards are painted before the others are rendered
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setWhole(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [staging]);
  return staging ? FIRST_CARDS : total;
}

/** `/:lang/buyer/needs/:id/matches`: the heart of the product — ranked, explained suppliers for one need. */
export function MatchViewRoute() {
  const { id } = useParams();
  return (
    <Stack gap="md" py="md">
      <BuyerGate>{(buyerIds) => <NeedMatches needId={id!} buyerIds={buyerIds} />}</BuyerGate>
    </Stack>
  );
}

function NeedMatches({ needId, buyerIds }: { needId: string; buyerIds: string[] }) {
  const { t } = useTranslation();
  // fresh from the route's loader (prefetch.ts), which asks it as the page opens: read from the cache
  const { data, error, loading } = useQuery(NeedForEditQuery, { variables: { id: needId } });
  if (loading && !data) return <Loading />;
  const problem = error ? problemFrom(error) : undefined;
  if (problem && (problem.code === 'NOT_FOUND' || problem.code === 'FORBIDDEN')) return <NotAllowed />;
  if (problem) return <Alert color="red">{problemMessage(t, problem)}</Alert>;
  const need = getFragmentData(NeedForEditFragmentDoc, data?.sourcingNeed);
  // Only the need's own buyer ranks suppliers for it (the API refuses anyone else too).
  if (!need?.buyer || !buyerIds.includes(need.buyer.id)) return <NotAllowed />;
  return <MatchWorkspace need={need} />;
}

function MatchWorkspace({ need }: { need: NeedForEditFragment }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [weights, setWeights] = useState<Record<CriterionKey, number>>(DEFAULT_WEIGHTS);
  const [debounced] = useDebouncedValue(weights, 350);
  const [selected, setSelected] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  // On a phone the ranked list is what the buyer came for: it comes first, the sliders fold behind a button above it.
  const wide = useMediaQuery('(min-width: 62em)', true);
  // The eleven sliders render in the background (a deferred value, first false): when the ranking's
  // answer arrives meanwhile, the list is drawn first instead of waiting for them (they were most of
  // the ≈ 0.2 s throttled render that starts as the need arrives, while the ranking is on its way).
  const slidersShown = useDeferredValue(true, false);
  const [weightsOpen, weightsPanel] = useDisclosure(false);
  const matches = useRanking(matchVariables(need.id, debounced, lang));
  const intros = useQuery(NeedIntroductionsQuery, { variables: { needId: need.id } }); // fresh from the loader, as the need
  const result = (matches.data ?? matches.previousData)?.matchSuppliers;
  const introOf = useMemo(() => new Map((intros.data?.needIntroductions ?? []).map((i) => [i.supplierId, i])), [intros.data]);
  const toggle = useCallback(
    (id: string) => setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id])),
    [],
  );
  const clearSelection = useCallback(() => setSelected([]), []);
  const toggleCompare = useCallback(() => setComparing((c) => !c), []);
  const compared = (result?.matches ?? []).filter((m) => selected.includes(m.supplier.id)).slice(0, MAX_COMPARED);
  const reranking = matches.loading && result !== undefined;
  const ranked = result?.matches ?? [];
  // machineSize is scored only for a need whose text states a machine size: its slider shows then
  const sized = ranked.some((m) => m.criteria.some((c) => c.key === 'machineSize'));
  const sliders = useMemo(() => CRITERIA.filter((key) => key !== 'machineSize' || sized), [sized]);
  const drawn = useStagedCount(ranked.length);
  const award = useAward(need);
  // the ranked list is drawn (or the ranking failed): what is below it may render now
  const listDrawn = result ? drawn === ranked.length : !matches.loading;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {t('buyer.match.title', { need: need.title })}
        </Title>
        <Badge color={STATUS_COLOR[need.status]} variant="outline" size="lg">
          {t(`buyer.status.${need.status}`)}
        </Badge>
      </Group>
      <Group gap="md">
        <Anchor component={Link} to={`/${lang}/buyer/needs/${need.id}`} size="sm">
          {need.status === 'DRAFT' || need.status === 'OPEN' ? t('buyer.match.editNeed') : t('buyer.match.viewNeed')}
        </Anchor>
        <Anchor component={Link} to={`/${lang}/buyer/needs`} size="sm">
          {t('buyer.list.back')}
        </Anchor>
      </Group>
      {award ? (
        <Alert color="teal" data-testid="award-banner">
          {award.name
            ? t('buyer.match.awardedTo', { name: award.name, date: formatDate(lang, award.at) })
            : t('buyer.match.awardedOn', { date: formatDate(lang, award.at) })}
        </Alert>
      ) : null}
      {result && result.relaxedConstraints.length > 0 ? (
        <Alert
          color="yellow"
          title={t('buyer.match.relaxedTitle')}
          styles={{ title: { color: 'var(--mantine-color-black)' } }}
          data-testid="relaxed-banner"
        >
          {/* the API names only relaxations that let in a supplier listed missing them (marked in red) */}
          {t('buyer.match.relaxed', {
            what: formatList(
              lang,
              result.relaxedConstraints.map((c) => t(`buyer.relaxed.${c}`)),
            ),
          })}
        </Alert>
      ) : null}
      {result?.emptyReason ? <Alert color="gray">{result.emptyReason}</Alert> : null}
      {matches.error ? <Alert color="red">{problemMessage(t, problemFrom(matches.error))}</Alert> : null}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {/* an empty cell until then, which keeps the list in its columns */}
        {wide ? slidersShown ? <WeightsPanel keys={sliders} weights={weights} onChange={setWeights} /> : <div /> : null}
        <Stack gap="sm" style={{ gridColumn: wide ? 'span 2' : undefined, minWidth: 0 }}>
          <Text
            role="status"
            size="sm"
            aria-live="polite"
            data-testid="match-status"
            data-loading={matches.loading || drawn < ranked.length ? 'true' : 'false'}
          >
            {!result
              ? t('app.loading')
              : reranking
                ? t('buyer.match.reranking')
                : t('buyer.match.count', { count: result.matches.length, candidates: result.candidates })}
          </Text>
          {wide ? null : (
            <>
              <Button variant="default" fullWidth onClick={weightsPanel.toggle} aria-expanded={weightsOpen} data-testid="weights-toggle">
                {t('buyer.match.weights')}
              </Button>
              <Collapse expanded={weightsOpen}>
                {slidersShown ? <WeightsPanel keys={sliders} weights={weights} onChange={setWeights} /> : null}
              </Collapse>
            </>
          )}
          <SelectionBar need={need} selected={selected} onClear={clearSelection} comparing={comparing} onCompare={toggleCompare} />
          {comparing && compared.length >= 2 ? <Compare matches={compared} need={need} /> : null}
          {!result ? <Loading /> : null}
          <Stack
            gap="sm"
            component="ol"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('buyer.match.listLabel')}
            data-testid="match-list"
          >
            {ranked.slice(0, drawn).map((m) => (
              <li key={m.supplier.id} className={classes.item}>
                <MatchCard
                  match={m}
                  need={need}
                  intro={introOf.get(m.supplier.id)}
                  awarded={award?.supplierId === m.supplier.id}
                  selected={selected.includes(m.supplier.id)}
                  onToggle={toggle}
                />
              </li>
            ))}
          </Stack>
        </Stack>
      </SimpleGrid>
      {/* below the list, and its first date costs ≈ 0.13 s of a throttled render (the time zone's data): after the list */}
      {listDrawn ? (
        <NeedTimeline revision={`${need.version}-${intros.data?.needIntroductions.map((i) => i.status).join() ?? ''}`} needId={need.id} />
      ) : null}
    </Stack>
  );
}

/**
 * One slider per criterion; the list re-ranks a moment after the last change. Memoised: eleven
 * sliders are most of the workspace's render, which runs again as each of the page's answers arrives.
 */
const WeightsPanel = memo(function WeightsPanel({
  keys,
  weights,
  onChange,
}: {
  keys: readonly CriterionKey[];
  weights: Record<CriterionKey, number>;
  onChange: (w: Record<CriterionKey, number>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="weights-title" style={{ alignSelf: 'start' }}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5" id="weights-title">
            {t('buyer.match.weights')}
          </Title>
          <Button size="compact-sm" variant="default" onClick={() => onChange(DEFAULT_WEIGHTS)}>
            {t('buyer.match.reset')}
          </Button>
        </Group>
        <Text size="xs" c="gray.7">
          {t('buyer.match.weightsHint')}
        </Text>
        {keys.map((key) => (
          <Stack key={key} gap={2}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" id={`weight-${key}`}>
                {t(`buyer.criteria.${key}`)}
              </Text>
              <Text size="sm" c="gray.7">
                {weights[key]}
              </Text>
            </Group>
            <Slider
              min={0}
              max={100}
              step={1}
              value={weights[key]}
              onChange={(value) => onChange({ ...weights, [key]: value })}
              thumbLabel={t(`buyer.criteria.${key}`)}
              label={null}
              color="blue.8"
            />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
});

function supplierName(m: Match, lang: string) {
  return lang === 'vi' ? m.supplier.nameVi : (m.supplier.tradeNameEn ?? m.supplier.nameVi);
}

// Memoised: moving a slider re-renders the sliders, not twenty cards, until the re-ranked list arrives.
const MatchCard = memo(function MatchCard({
  match,
  need,
  intro,
  awarded,
  selected,
  onToggle,
}: {
  match: Match;
  need: NeedForEditFragment;
  intro: Introduction | undefined;
  awarded: boolean;
  selected: boolean;
  onToggle: (supplierId: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = supplierName(match, lang);
  const titleId = `match-${match.supplier.id}`;
  const maxWeight = Math.max(...match.criteria.map((c) => c.weight), 0.0001);
  return (
    <article className={classes.card} aria-labelledby={titleId} data-supplier-id={match.supplier.id}>
      <div className={classes.stack}>
        <div className={classes.cardHead}>
          <div className={classes.who}>
            {/* the box is drawn 20 px wide; the label around it is the 44 px target a finger taps */}
            <label className={classes.tick}>
              <Checkbox checked={selected} onChange={() => onToggle(match.supplier.id)} aria-label={t('buyer.match.select', { name })} />
            </label>
            <div className={classes.name}>
              <h3 className={classes.title} id={titleId}>
                <span className={classes.rank}>{t('buyer.match.rank', { rank: match.rank })}</span>
                <Anchor component={Link} to={`/${lang}/suppliers/${match.supplier.id}`} inherit>
                  {name}
                </Anchor>
              </h3>
              {match.supplier.zone ? <p className={`${classes.text} ${classes.meta}`}>{match.supplier.zone.label}</p> : null}
            </div>
          </div>
          <div className={classes.score}>
            <p className={`${classes.text} ${classes.scoreValue}`} data-testid="score">
              {formatNumber(lang, match.score * 100, { maximumFractionDigits: 0 })}
            </p>
            <p className={`${classes.text} ${classes.meta}`}>{t('buyer.match.score')}</p>
          </div>
        </div>
        {awarded || intro ? (
          <Group gap="xs">
            {awarded ? (
              <Badge color="teal.9" variant="filled" data-testid="awarded-badge">
                {t('buyer.match.awarded')}
              </Badge>
            ) : null}
            {intro ? (
              <Badge color={INTRO_COLOR[intro.status]} variant="outline">
                {t(`buyer.intro.${intro.status}`)}
                {intro.buyerRevealed ? ` · ${t('buyer.intro.revealed')}` : ''}
              </Badge>
            ) : null}
          </Group>
        ) : null}
        {match.missing.length > 0 ? (
          <p className={`${classes.text} ${classes.missing}`}>{t('buyer.match.missing', { what: match.missing.join('; ') })}</p>
        ) : null}
        <CriterionList label={t('buyer.match.criteriaLabel', { name })}>
          {match.criteria
            .filter((c) => c.weight > 0)
            .map((c) => (
              <CriterionRow
                key={c.key}
                name={criterionName(t, c.key)}
                points={pointsOf(t, lang, c)}
                score={c.score}
                widthPercent={Math.max(8, (c.weight / maxWeight) * 100)}
                explanation={c.explanation}
                unmet={c.unmet}
              />
            ))}
        </CriterionList>
        <MatchActions match={match} need={need} intro={intro} name={name} />
      </div>
    </article>
  );
});

function refetchAfterChange(needId: string) {
  return [
    { query: NeedIntroductionsQuery, variables: { needId } },
    { query: NeedHistoryQuery, variables: { needId } },
  ];
}

/** What the buyer can do with one supplier, following the introduction's state. */
function MatchActions({
  match,
  need,
  intro,
  name,
}: {
  match: Match;
  need: NeedForEditFragment;
  intro: Introduction | undefined;
  name: string;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ApiProblem>();
  const refetchQueries = refetchAfterChange(need.id);
  const [shortlist, shortlisting] = useMutation(ShortlistSuppliersMutation, { refetchQueries });
  const [reveal, revealing] = useMutation(RevealBuyerMutation, { refetchQueries });
  const [award, awarding] = useMutation(AwardNeedMutation, {
    refetchQueries: [...refetchQueries, { query: NeedForEditQuery, variables: { id: need.id } }],
    awaitRefetchQueries: true,
  });
  const run = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(problemFrom(error));
    }
  };
  const open = need.status === 'OPEN';
  return (
    <div className={classes.stack}>
      {intro?.status === 'ACCEPTED' ? <SupplierContact supplierId={match.supplier.id} name={name} /> : null}
      {problem ? <Alert color="red">{problemMessage(t, problem)}</Alert> : null}
      <div className={classes.actions}>
        {open && !intro ? (
          <Button
            size="compact-sm"
            variant="default"
            loading={shortlisting.loading}
            onClick={() => void run(() => shortlist({ variables: { input: { needId: need.id, supplierIds: [match.supplier.id] } } }))}
            aria-label={t('buyer.match.shortlistOne', { name })}
          >
            {t('buyer.match.shortlist')}
          </Button>
        ) : null}
        {open && need.visibility === 'ANONYMOUS' && intro && intro.status !== 'SHORTLISTED' && !intro.buyerRevealed ? (
          <Button
            size="compact-sm"
            variant="default"
            loading={revealing.loading}
            onClick={() => void run(() => reveal({ variables: { introductionId: intro.id } }))}
            aria-label={t('buyer.match.revealTo', { name })}
          >
            {t('buyer.match.reveal')}
          </Button>
        ) : null}
        {open && intro?.status === 'ACCEPTED' ? (
          <Button
            size="compact-sm"
            color="teal.9"
            loading={awarding.loading}
            onClick={() => void run(() => award({ variables: { needId: need.id, supplierId: match.supplier.id, version: need.version } }))}
            aria-label={t('buyer.match.awardTo', { name })}
          >
            {t('buyer.match.award')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** An accepted supplier's contact, which the API now shows the buyer. */
function SupplierContact({ supplierId, name }: { supplierId: string; name: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(SupplierContactQuery, { variables: { id: supplierId }, fetchPolicy: 'network-only' });
  const contact = data?.supplier.contact;
  if (!data) return null;
  return (
    <Paper withBorder p="xs" bg="teal.0" component="section" aria-label={t('buyer.match.contactOf', { name })}>
      <Text size="sm" fw={600}>
        {t('buyer.match.contact')}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {contact && (contact.name || contact.email || contact.phone)
          ? [contact.name, contact.email, contact.phone].filter(Boolean).join(' · ')
          : t('buyer.match.noContact')}
      </Text>
    </Paper>
  );
}

/** Compare, shortlist or invite the suppliers ticked in the list (one or several, with a message). Memoised as WeightsPanel. */
const SelectionBar = memo(function SelectionBar({
  need,
  selected,
  onClear,
  comparing,
  onCompare,
}: {
  need: NeedForEditFragment;
  selected: string[];
  onClear: () => void;
  comparing: boolean;
  onCompare: () => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [inviting, setInviting] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [done, setDone] = useState<number | null>(null);
  const refetchQueries = refetchAfterChange(need.id);
  const [invite, invitation] = useMutation(InviteSuppliersMutation, { refetchQueries, awaitRefetchQueries: true });
  const [shortlist, shortlisting] = useMutation(ShortlistSuppliersMutation, { refetchQueries });
  if (selected.length === 0 && done === null)
    return (
      <Text size="sm" c="gray.7">
        {/* only an open need takes invitations: a closed or awarded one is compared, not invited to */}
        {need.status === 'OPEN' ? t('buyer.match.selectHint') : t('buyer.match.selectHintCompare')}
      </Text>
    );
  const send = async () => {
    setProblem(undefined);
    try {
      await invite({ variables: { input: { needId: need.id, supplierIds: selected, message: message.trim() || null } } });
      setDone(selected.length);
      setInviting(false);
      setMessage('');
      onClear();
    } catch (error) {
      setProblem(problemFrom(error));
    }
  };
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('buyer.match.selection', { count: selected.length })}>
      <Stack gap="xs">
        {done !== null ? (
          <Alert color="teal" role="status" withCloseButton onClose={() => setDone(null)} closeButtonLabel={t('buyer.match.dismiss')}>
            {t('buyer.match.invited', { count: done })}
          </Alert>
        ) : null}
        {selected.length > 0 ? (
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {t('buyer.match.selection', { count: selected.length })}
            </Text>
            <Button
              size="compact-sm"
              variant={comparing ? 'filled' : 'light'}
              disabled={selected.length < 2 || selected.length > MAX_COMPARED}
              onClick={onCompare}
              aria-pressed={comparing}
            >
              {t('buyer.match.compare')}
            </Button>
            {need.status === 'OPEN' ? (
              <>
                <Button size="compact-sm" variant="light" onClick={() => setInviting(true)}>
                  {t('buyer.match.invite')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={shortlisting.loading}
                  onClick={() =>
                    void shortlist({ variables: { input: { needId: need.id, supplierIds: selected } } }).catch((error: unknown) =>
                      setProblem(problemFrom(error)),
                    )
                  }
                >
                  {t('buyer.match.shortlist')}
                </Button>
              </>
            ) : null}
            <Button size="compact-sm" variant="subtle" onClick={onClear}>
              {t('buyer.match.clear')}
            </Button>
          </Group>
        ) : null}
        {selected.length > MAX_COMPARED ? (
          <Text size="xs" c="gray.7">
            {t('buyer.match.compareMax', { max: MAX_COMPARED })}
          </Text>
        ) : null}
        {inviting && selected.length > 0 ? (
          <Stack gap="xs">
            <Textarea
              label={t('buyer.match.message')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group gap="xs">
              <Button onClick={() => void send()} loading={invitation.loading}>
                {t('buyer.match.sendInvite', { count: selected.length })}
              </Button>
              <Button variant="default" onClick={() => setInviting(false)}>
                {t('buyer.match.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {problem ? <Alert color="red">{problemMessage(t, problem)}</Alert> : null}
      </Stack>
    </Paper>
  );
});

/** One row of the comparison: what is compared, and each supplier's value (red when the criterion is not met at all). */
interface CompareRow {
  key: string;
  label: string;
  cells: { text: ReactNode; unmet?: boolean }[];
}

/**
 * Two or three suppliers side by side: score, criteria (in the cards' order), certificates, capacity,
 * distance. A table from Mantine's `sm` breakpoint up; on a phone one block per row with each
 * supplier's value under its name (a table's two or three columns left ≈ 100 px a value and broke
 * Korean and Japanese inside their words). Only one is displayed; the other is `display: none`.
 */
function Compare({ matches, need }: { matches: Match[]; need: NeedForEditFragment }) {
  const { t } = useTranslation();
  const lang = useLang();
  const delivery = need.delivery.location;
  const certificate = useTermLabels('CERTIFICATION');
  const names = matches.map((m) => supplierName(m, lang));
  // the criteria as the API lists them, which is the order of the cards' rows
  const keys = [...new Set(matches.flatMap((m) => m.criteria.filter((c) => c.weight > 0).map((c) => c.key)))];
  const rows: CompareRow[] = [
    {
      key: 'score',
      label: t('buyer.match.score'),
      cells: matches.map((m) => ({ text: formatNumber(lang, m.score * 100, { maximumFractionDigits: 0 }) })),
    },
    ...keys.map((key) => ({
      key,
      label: criterionName(t, key),
      cells: matches.map((m) => {
        const c = m.criteria.find((criterion) => criterion.key === key);
        return c ? { text: `${pointsOf(t, lang, c)} — ${c.explanation}`, unmet: c.unmet } : { text: '—' };
      }),
    })),
    {
      key: 'certificates',
      label: t('buyer.match.certificates'),
      cells: matches.map((m) => ({
        text:
          m.supplier.certifications
            .filter((c) => c.isValid)
            .map((c) => certificate(c.code))
            .join(', ') || '—',
      })),
    },
    {
      key: 'capacity',
      label: t('buyer.match.capacity'),
      cells: matches.map((m) => ({
        text: m.supplier.monthlyCapacity
          ? `${formatNumber(lang, m.supplier.monthlyCapacity.value)} ${t(`enums.unit.${m.supplier.monthlyCapacity.unit}`)}`
          : '—',
      })),
    },
    {
      key: 'distance',
      label: t('buyer.match.distance'),
      cells: matches.map((m) => ({
        text: delivery && m.supplier.location ? formatDistanceKm(lang, distanceKm(delivery, m.supplier.location)) : '—',
      })),
    },
  ];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="compare-title" className={classes.compare}>
      <Title order={2} size="h5" id="compare-title" mb="xs">
        {t('buyer.match.compareTitle')}
      </Title>
      <Table.ScrollContainer minWidth={0} visibleFrom="sm">
        <Table layout="fixed" verticalSpacing={4} fz="xs" withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="9rem">
                {t('buyer.match.criterion')}
              </Table.Th>
              {names.map((name, i) => (
                <Table.Th key={matches[i]!.supplier.id} scope="col">
                  {name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row">{row.label}</Table.Th>
                {row.cells.map((cell, i) => (
                  <Table.Td key={matches[i]!.supplier.id} c={cell.unmet ? 'red.9' : undefined}>
                    {cell.text}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack component="ul" gap="sm" hiddenFrom="sm" className={classes.compareList}>
        {rows.map((row) => (
          <li key={row.key}>
            <Text component="h3" size="sm" fw={700}>
              {row.label}
            </Text>
            <dl className={classes.pairs}>
              {row.cells.map((cell, i) => (
                <div key={matches[i]!.supplier.id} className={classes.pair}>
                  <Text component="dt" size="xs" c="gray.7" fw={600}>
                    {names[i]}
                  </Text>
                  <Text component="dd" size="sm" m={0} c={cell.unmet ? 'red.9' : undefined}>
                    {cell.text}
                  </Text>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

/** A criterion as the buyer's pages call it (the key itself for one the web does not know). */
function criterionName(t: TFunction, key: string): string {
  return (CRITERIA as readonly string[]).includes(key) ? t(`buyer.criteria.${key as CriterionKey}`) : key;
}

/** What a criterion adds to the score: its weight times its score, in points of 100 (as on the cards and in the comparison). */
function pointsOf(t: TFunction, lang: Lang, c: { weight: number; score: number }): string {
  return t('buyer.match.points', { points: formatNumber(lang, c.weight * c.score * 100, { maximumFractionDigits: 1 }) });
}

/**
 * The supplier an AWARDED need went to, and the day: the need itself does not say, its history's
 * AWARDED event does (its details name the supplier). Asked only for an awarded need; null until
 * the supplier's name has been asked (the name stays null when the caller may not read the supplier).
 */
function useAward(need: NeedForEditFragment): { supplierId: string; name: string | null; at: string } | null {
  const lang = useLang();
  const awarded = need.status === 'AWARDED';
  const history = useQuery(NeedHistoryQuery, { variables: { needId: need.id }, skip: !awarded });
  const event = awarded ? [...(history.data?.needHistory ?? [])].reverse().find((e) => e.action === 'AWARDED') : undefined;
  const supplierId = event ? awardedSupplierId(event.details) : null;
  const supplier = useQuery(AwardedSupplierQuery, { variables: { id: supplierId ?? '' }, skip: !supplierId });
  // no banner until the supplier's name is in (or cannot be read): one sentence, not a second one replacing it
  if (!event || !supplierId || supplier.loading) return null;
  const found = supplier.data?.supplier;
  const name = found ? (lang === 'vi' ? found.nameVi : (found.tradeNameEn ?? found.nameVi)) : null;
  return { supplierId, name, at: event.at };
}

function awardedSupplierId(details: string): string | null {
  try {
    const parsed = JSON.parse(details) as { supplierId?: unknown };
    return typeof parsed.supplierId === 'string' ? parsed.supplierId : null;
  } catch {
    return null;
  }
}
