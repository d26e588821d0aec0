import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DateField } from '../../../components/date-field.js';
import { LazyMap } from '../../../components/lazy-map.js';
import { NotAllowed } from '../../../components/not-allowed.js';
import { TaxonomyMultiPicker } from '../../../components/taxonomy-picker.js';
import type { NeedForEditFragment } from '../../../gql/graphql.js';
import { getFragmentData } from '../../../gql/index.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { BuyerPlantsQuery, NeedForEditFragmentDoc, NeedForEditQuery } from '../api/needs.js';
import { BuyerGate } from '../components/buyer-gate.js';
import { NeedConflictPanel } from '../components/need-conflict-panel.js';
import { NeedDeliveries } from '../components/need-deliveries.js';
import { NeedSummary } from '../components/need-summary.js';
import { NeedTimeline } from '../components/need-timeline.js';
import { ReadRequirements } from '../components/read-requirements.js';
import { matchViewPress } from '../match-view-link.js';
import { STATUS_COLOR } from '../need-status.js';
import { CURRENCIES, QUANTITY_UNITS, VISIBILITIES, type NeedValues } from '../need-form.js';
import { useNeedEditor, type NeedEditor } from '../use-need-editor.js';
import { Loading } from '../../../components/loading.js';
import { KeptMessage } from '../../../components/keep-together.js';

/** `/:lang/buyer/needs/new` and `/:lang/buyer/needs/:id`: the need form, its life (draft → open → closed) and history. */
export function NeedEditRoute() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <Stack gap="md" py="md">
      <BuyerGate>
        {(buyerIds) =>
          id ? (
            <ExistingNeed id={id} buyerIds={buyerIds} />
          ) : (
            <NeedForm buyerId={buyerIds[0]!} saved={null} title={t('buyer.form.newTitle')} />
          )
        }
      </BuyerGate>
    </Stack>
  );
}

function ExistingNeed({ id, buyerIds }: { id: string; buyerIds: string[] }) {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(NeedForEditQuery, { variables: { id }, fetchPolicy: 'network-only' });
  if (loading && !data) return <Loading />;
  const problem = error ? problemFrom(error) : undefined;
  if (problem && (problem.code === 'NOT_FOUND' || problem.code === 'FORBIDDEN')) return <NotAllowed />;
  if (problem) return <Alert color="red">{problemMessage(t, problem)}</Alert>;
  const need = getFragmentData(NeedForEditFragmentDoc, data?.sourcingNeed);
  // A need the user sees as a supplier (another buyer's public need) is not theirs to edit.
  if (!need?.buyer || !buyerIds.includes(need.buyer.id)) return <NotAllowed />;
  return <NeedForm key={need.id} buyerId={need.buyer.id} saved={need} title={need.title} />;
}

/**
 * The problem that stopped a publish right after a new need's first save, by need id, for that need's
 * own page to show once. Kept in this module's memory, not in the history entry: a reload (or a return
 * to the entry later) starts without it, whenever it comes.
 */
const carriedProblems = new Map<string, ApiProblem>();

function NeedForm({ buyerId, saved, title }: { buyerId: string; saved: NeedForEditFragment | null; title: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  // The problem that stopped the publish right after the first save, carried to the new need's address once.
  const [carried] = useState(() => (saved ? carriedProblems.get(saved.id) : undefined));
  useEffect(() => {
    if (saved) carriedProblems.delete(saved.id);
  }, [saved]);
  const onCreated = useCallback(
    (id: string, problem?: ApiProblem) => {
      if (problem) carriedProblems.set(id, problem);
      void navigate(`/${lang}/buyer/needs/${id}`, { replace: true });
    },
    [navigate, lang],
  );
  const editor = useNeedEditor(buyerId, saved, onCreated, carried);
  const { values, setField, errorFor, need } = editor;
  const status = need?.status ?? 'DRAFT';
  const editable = status === 'DRAFT' || status === 'OPEN';
  // what the last save or transition (a close among them) came to
  const outcome = (
    <>
      {editor.apiProblem && editor.apiProblem.code !== 'CONFLICT' ? (
        <Alert color="red">{problemMessage(t, editor.apiProblem)}</Alert>
      ) : null}
      {editor.savedAt !== null ? (
        <Alert color="teal" role="status">
          <KeptMessage i18nKey="buyer.form.saved" values={{ version: editor.savedAt }} />
        </Alert>
      ) : null}
    </>
  );
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <Badge color={STATUS_COLOR[status]} variant="outline" size="lg">
          {t(`buyer.status.${status}`)}
        </Badge>
      </Group>
      <Anchor component={Link} to={`/${lang}/buyer/needs`} size="sm">
        {t('buyer.list.back')}
      </Anchor>
      {need && need.status !== 'DRAFT' ? (
        <Button
          component={Link}
          to={`/${lang}/buyer/needs/${need.id}/matches`}
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          {...matchViewPress(need.id, lang)}
        >
          {t('buyer.form.openMatches')}
        </Button>
      ) : null}
      <NeedConflictPanel editor={editor} />
      {/* A closed or awarded need can no longer change: a summary to read, not a form of disabled fields. */}
      {editable || !need ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void editor.save();
          }}
        >
          <Stack gap="md">
            <Stack gap="md">
              <TextInput
                label={t('buyer.form.title')}
                description={t('buyer.form.titleHint')}
                value={values.title}
                onChange={(e) => setField('title', e.currentTarget.value)}
                error={errorFor('title')}
                required
              />
              <Textarea
                label={t('buyer.form.description')}
                description={t('buyer.form.descriptionHint')}
                value={values.description}
                onChange={(e) => setField('description', e.currentTarget.value)}
                error={errorFor('description')}
                autosize
                minRows={3}
              />
              <ReadRequirements editor={editor} />
              <TaxonomyMultiPicker
                kind="PROCESS"
                label={t('buyer.form.processes')}
                value={values.processes}
                onChange={(v) => setField('processes', v)}
                error={errorFor('processes')}
              />
              <TaxonomyMultiPicker
                kind="MATERIAL"
                label={t('buyer.form.materials')}
                value={values.materials}
                onChange={(v) => setField('materials', v)}
                error={errorFor('materials')}
              />
              <TaxonomyMultiPicker
                kind="CERTIFICATION"
                label={t('buyer.form.certifications')}
                value={values.certifications}
                onChange={(v) => setField('certifications', v)}
                error={errorFor('certifications')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    inputMode="decimal"
                    label={t('buyer.form.quantity')}
                    value={values.quantity}
                    onChange={(e) => setField('quantity', e.currentTarget.value)}
                    error={errorFor('quantity')}
                  />
                  <NativeSelect
                    label={t('buyer.form.quantityUnit')}
                    value={values.quantityUnit}
                    onChange={(e) => setField('quantityUnit', e.currentTarget.value as NeedValues['quantityUnit'])}
                    data={QUANTITY_UNITS.map((u) => ({ value: u, label: t(`enums.unit.${u}`) }))}
                  />
                </Group>
                <TextInput
                  inputMode="decimal"
                  label={t('buyer.form.toleranceMm')}
                  value={values.toleranceMm}
                  onChange={(e) => setField('toleranceMm', e.currentTarget.value)}
                  error={errorFor('toleranceMm')}
                />
                <TextInput
                  inputMode="numeric"
                  label={t('buyer.form.maxLeadTimeDays')}
                  value={values.maxLeadTimeDays}
                  onChange={(e) => setField('maxLeadTimeDays', e.currentTarget.value)}
                  error={errorFor('maxLeadTimeDays')}
                />
                <DateField
                  label={t('buyer.form.neededBy')}
                  value={values.neededBy}
                  onChange={(day) => setField('neededBy', day)}
                  error={errorFor('neededBy')}
                />
              </SimpleGrid>
              <DeliveryFields editor={editor} buyerId={buyerId} />
              <TargetPriceFields editor={editor} />
              <Radio.Group
                label={t('buyer.form.visibility')}
                value={values.visibility}
                onChange={(v) => setField('visibility', v)}
                error={errorFor('visibility')}
              >
                <Stack gap="xs" mt="xs">
                  {VISIBILITIES.map((v) => (
                    <Radio key={v} value={v} label={t(`buyer.visibility.${v}.label`)} description={t(`buyer.visibility.${v}.explain`)} />
                  ))}
                </Stack>
              </Radio.Group>
            </Stack>
            {outcome}
            <Group gap="xs" wrap="wrap">
              <Button type="submit" loading={editor.saving}>
                {status === 'DRAFT' ? t('buyer.form.saveDraft') : t('buyer.form.save')}
              </Button>
              {status === 'DRAFT' ? (
                <Button color="teal.9" onClick={() => void editor.transition('publish')} loading={editor.saving}>
                  {t('buyer.form.publish')}
                </Button>
              ) : null}
              {need ? (
                <Button variant="default" color="red" onClick={() => void editor.transition('close')} loading={editor.saving}>
                  {t('buyer.form.close')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </form>
      ) : (
        <>
          {outcome}
          <NeedSummary need={need} />
        </>
      )}
      {need?.status === 'AWARDED' ? <NeedDeliveries needId={need.id} unit={need.quantityPerMonth?.unit ?? null} /> : null}
      {need ? <NeedTimeline revision={String(need.version)} needId={need.id} /> : null}
    </Stack>
  );
}

/** The delivery point: one of the buyer's plants, or a point picked on the map. */
function DeliveryFields({ editor, buyerId }: { editor: NeedEditor; buyerId: string }) {
  const { t } = useTranslation();
  const { values, setField, errorFor } = editor;
  const plants = useQuery(BuyerPlantsQuery, { variables: { id: buyerId } });
  const [onMap, setOnMap] = useState(values.plant === '' && values.latitude !== '');
  const pick = useCallback(
    (latitude: number, longitude: number) => {
      setField('plant', '');
      setField('latitude', String(latitude));
      setField('longitude', String(longitude));
    },
    [setField],
  );
  const lat = Number(values.latitude);
  const lon = Number(values.longitude);
  const points = useMemo(
    () =>
      values.latitude !== '' && values.longitude !== '' && Number.isFinite(lat) && Number.isFinite(lon)
        ? [{ id: 'delivery', latitude: lat, longitude: lon, label: t('buyer.form.deliveryPoint'), kind: 'zone' as const }]
        : [],
    [lat, lon, values.latitude, values.longitude, t],
  );
  const plantOptions = (plants.data?.buyer.plants ?? []).map((p) => ({ value: p.name, label: p.name }));
  return (
    <Paper withBorder p="sm" component="fieldset" style={{ minWidth: 0 }}>
      <Text component="legend" fw={600} size="sm">
        {t('buyer.form.delivery')}
      </Text>
      <Stack gap="xs">
        <NativeSelect
          label={t('buyer.form.plant')}
          value={onMap ? '' : values.plant}
          onChange={(e) => {
            setOnMap(e.currentTarget.value === '');
            setField('plant', e.currentTarget.value);
          }}
          data={[{ value: '', label: t('buyer.form.pointOnMap') }, ...plantOptions]}
          error={errorFor('plant')}
        />
        {onMap || values.plant === '' ? (
          <>
            <Text size="sm" c="gray.7">
              {t('buyer.form.mapHint')}
            </Text>
            <SimpleGrid cols={2}>
              <TextInput
                inputMode="decimal"
                label={t('buyer.form.latitude')}
                value={values.latitude}
                onChange={(e) => setField('latitude', e.currentTarget.value)}
                error={errorFor('latitude')}
              />
              <TextInput
                inputMode="decimal"
                label={t('buyer.form.longitude')}
                value={values.longitude}
                onChange={(e) => setField('longitude', e.currentTarget.value)}
              />
            </SimpleGrid>
            <LazyMap points={points} label={t('buyer.form.mapLabel')} noTilesText={t('directory.map.noTiles')} onPick={pick} />
          </>
        ) : null}
        <TextInput
          inputMode="decimal"
          label={t('buyer.form.maxDistanceKm')}
          value={values.maxDistanceKm}
          onChange={(e) => setField('maxDistanceKm', e.currentTarget.value)}
          error={errorFor('maxDistanceKm')}
        />
      </Stack>
    </Paper>
  );
}

/** The target price, which only the buyer's members and the centre ever see. */
function TargetPriceFields({ editor }: { editor: NeedEditor }) {
  const { t } = useTranslation();
  const { values, setField, errorFor } = editor;
  return (
    <Paper withBorder p="sm" component="fieldset" style={{ minWidth: 0 }}>
      <Group component="legend" gap="xs">
        <Text fw={600} size="sm" component="span">
          {t('buyer.form.targetPrice')}
        </Text>
        <Badge color="red.9" variant="outline">
          {t('buyer.form.confidential')}
        </Badge>
      </Group>
      <Text size="sm" c="gray.7" mb="xs">
        {t('buyer.form.confidentialHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          inputMode="decimal"
          label={t('buyer.form.priceMin')}
          value={values.priceMin}
          onChange={(e) => setField('priceMin', e.currentTarget.value)}
          error={errorFor('priceMin')}
        />
        <TextInput
          inputMode="decimal"
          label={t('buyer.form.priceMax')}
          value={values.priceMax}
          onChange={(e) => setField('priceMax', e.currentTarget.value)}
          error={errorFor('priceMax')}
        />
        <NativeSelect
          label={t('buyer.form.currency')}
          value={values.currency}
          onChange={(e) => setField('currency', e.currentTarget.value as NeedValues['currency'])}
          data={CURRENCIES}
        />
      </SimpleGrid>
    </Paper>
  );
}
