import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  List,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.js';
import type { NeedDeliveriesQuery as DeliveriesData, QuantityUnit } from '../../../gql/graphql.js';
import { formatDate, formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { NeedDeliveriesQuery, RecordDeliveryMutation, RemoveDeliveryMutation, UpdateDeliveryMutation } from '../api/deliveries.js';

type Delivery = DeliveriesData['needDeliveries'][number];

/** The fields the API may name in a BAD_USER_INPUT (each has its message under trackRecords.deliveries.errors). */
type Field = 'promisedOn' | 'deliveredOn' | 'quantity' | 'defectiveQuantity' | 'defectsPpm';

interface Values {
  promisedOn: string;
  deliveredOn: string;
  quantity: string;
  defects: string;
}

/** The figures a form sends: defects as a count or as ppm, as the buyer chose to type them. */
type Figures = { promisedOn: string; deliveredOn: string; quantity: number } & ({ defectiveQuantity: number } | { defectsPpm: number });

const EMPTY: Values = { promisedOn: '', deliveredOn: '', quantity: '', defects: '0' };

/** A number as typed (`1000`, `2,5`). */
const typed = (value: string) => Number(value.replace(',', '.'));

const valuesOf = (d: Delivery): Values => ({
  promisedOn: d.promisedOn,
  deliveredOn: d.deliveredOn,
  quantity: String(d.quantity),
  defects: String(d.defectiveQuantity),
});

/**
 * The deliveries of an AWARDED need: the buyer records each one (promised and delivered days, quantity
 * in the need's unit, defects as a count or as ppm), corrects one at the version it saw (someone else's
 * change in between is shown, with the saved values), and removes one recorded by mistake after
 * confirming. They make the supplier's delivery record. The API checks every value; its field errors
 * show beside the fields. A correction, or the question before a removal, opens right under the
 * delivery it is about, and the focus goes back to that delivery's button when it is cancelled.
 */
export function NeedDeliveries({ needId, unit }: { needId: string; unit: QuantityUnit | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useApolloClient();
  const list = useQuery(NeedDeliveriesQuery, { variables: { needId }, fetchPolicy: 'cache-and-network' });
  const [record] = useMutation(RecordDeliveryMutation, { refetchQueries: [NeedDeliveriesQuery], awaitRefetchQueries: true });
  const [update] = useMutation(UpdateDeliveryMutation, { refetchQueries: [NeedDeliveriesQuery], awaitRefetchQueries: true });
  const [remove, removing] = useMutation(RemoveDeliveryMutation, { refetchQueries: [NeedDeliveriesQuery] });
  const [notice, setNotice] = useState<'recorded' | 'removed' | 'corrected' | null>(null);
  /** The delivery being corrected: its id and the version the correction is made at. */
  const [editing, setEditing] = useState<{ id: string; version: number; initial: Values } | null>(null);
  /** After a CONFLICT: the values saved meanwhile (null: the delivery was removed meanwhile). */
  const [conflict, setConflict] = useState<{ fresh: Delivery | null } | null>(null);
  const [removeProblem, setRemoveProblem] = useState<ApiProblem | null>(null);
  const [confirming, setConfirming] = useState<Delivery | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The row's button that opened the correction or the removal: the focus returns to it on cancel. */
  const opener = useRef<HTMLElement | null>(null);
  const shownUnit = unit ? t(`enums.unit.${unit}`) : '';
  const deliveries = list.data?.needDeliveries ?? [];
  const quantityText = (d: Delivery) => `${formatNumber(lang, d.quantity)} ${shownUnit}`.trim();

  const done = (what: 'recorded' | 'removed' | 'corrected') => {
    setNotice(what);
    heading.current?.focus();
  };
  const cancel = () => {
    opener.current?.focus();
    setEditing(null);
    setConflict(null);
    setConfirming(null);
  };
  const startCorrecting = (d: Delivery, button: HTMLElement) => {
    opener.current = button;
    setNotice(null);
    setConfirming(null);
    setConflict(null);
    setEditing({ id: d.id, version: d.version, initial: valuesOf(d) });
  };
  const correct = async (figures: Figures) => {
    if (!editing) return;
    try {
      await update({ variables: { input: { id: editing.id, version: editing.version, ...figures } } });
      setEditing(null);
      setConflict(null);
      done('corrected');
    } catch (error) {
      const problem = problemFrom(error);
      if (problem.code !== 'CONFLICT' && problem.code !== 'NOT_FOUND') throw error;
      // someone changed (or removed) it since it was opened: show what is saved now; saving again applies the buyer's values over it
      const latest = await client.query({ query: NeedDeliveriesQuery, variables: { needId }, fetchPolicy: 'network-only' });
      const fresh = latest.data?.needDeliveries.find((d) => d.id === editing.id) ?? null;
      setConflict({ fresh });
      if (fresh) setEditing({ ...editing, version: fresh.version });
    }
  };
  const confirmRemove = async (d: Delivery) => {
    setRemoveProblem(null);
    try {
      await remove({ variables: { id: d.id, version: d.version } });
      setConfirming(null);
      if (editing?.id === d.id) setEditing(null);
      done('removed');
    } catch (error) {
      setRemoveProblem(problemFrom(error));
    }
  };

  const removal = confirming ? (
    <ConfirmRemove
      text={t('trackRecords.deliveries.confirmRemove', {
        date: formatDate(lang, confirming.deliveredOn),
        quantity: quantityText(confirming),
      })}
      problem={removeProblem}
      loading={removing.loading}
      onConfirm={() => void confirmRemove(confirming)}
      onCancel={cancel}
    />
  ) : null;
  const correction = editing ? (
    <Paper withBorder p="sm" component="section" aria-labelledby="correct-delivery-title" bg="gray.0">
      <Stack gap="sm">
        <CorrectionTitle date={formatDate(lang, editing.initial.deliveredOn)} />
        {conflict ? (
          <Alert color="orange" role="alert" data-testid="delivery-conflict">
            {conflict.fresh ? (
              <Stack gap={4}>
                <Text size="sm">{t('trackRecords.deliveries.conflict')}</Text>
                <List size="sm">
                  <List.Item>
                    {t('trackRecords.deliveries.promisedOn')}: {formatDate(lang, conflict.fresh.promisedOn)}
                  </List.Item>
                  <List.Item>
                    {t('trackRecords.deliveries.deliveredOn')}: {formatDate(lang, conflict.fresh.deliveredOn)}
                  </List.Item>
                  <List.Item>
                    {t('trackRecords.deliveries.quantity', { unit: shownUnit })}: {formatNumber(lang, conflict.fresh.quantity)}
                  </List.Item>
                  <List.Item>
                    {t('trackRecords.deliveries.defects')}: {formatNumber(lang, conflict.fresh.defectiveQuantity)}
                  </List.Item>
                </List>
                <Text size="sm">{t('trackRecords.deliveries.conflictHint')}</Text>
              </Stack>
            ) : (
              <Text size="sm">{t('trackRecords.deliveries.gone')}</Text>
            )}
          </Alert>
        ) : null}
        {conflict && !conflict.fresh ? (
          <Button
            variant="default"
            onClick={() => {
              // its row is gone: the focus goes to the section's heading
              setEditing(null);
              setConflict(null);
              heading.current?.focus();
            }}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('trackRecords.deliveries.cancel')}
          </Button>
        ) : (
          <DeliveryForm
            key={editing.id}
            unitLabel={shownUnit}
            initial={editing.initial}
            submitLabel={t('trackRecords.deliveries.saveCorrection')}
            onSubmit={correct}
            onCancel={cancel}
          />
        )}
      </Stack>
    </Paper>
  ) : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deliveries-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="deliveries-title" ref={heading} tabIndex={-1}>
          {t('trackRecords.deliveries.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('trackRecords.deliveries.intro')}
        </Text>
        {notice ? (
          <Alert color="teal" role="status">
            {t(`trackRecords.deliveries.${notice}`)}
          </Alert>
        ) : null}
        <DeliveryForm
          unitLabel={shownUnit}
          initial={EMPTY}
          submitLabel={t('trackRecords.deliveries.record')}
          clearOnSuccess
          onSubmit={async (figures) => {
            setNotice(null);
            await record({ variables: { input: { needId, ...figures } } });
            setNotice('recorded');
          }}
        />
        {deliveries.length === 0 ? (
          <Text size="sm">{t('trackRecords.deliveries.none')}</Text>
        ) : (
          <DeliveryList
            deliveries={deliveries}
            unit={shownUnit}
            onCorrect={startCorrecting}
            onRemove={(d, button) => {
              opener.current = button;
              setNotice(null);
              setRemoveProblem(null);
              setEditing(null);
              setConflict(null);
              setConfirming(d);
            }}
            panelFor={(d) => (confirming?.id === d.id ? removal : editing?.id === d.id ? correction : null)}
          />
        )}
        {/* removed by someone else meanwhile: no row to open under, the conflict says so here */}
        {editing && !deliveries.some((d) => d.id === editing.id) ? correction : null}
      </Stack>
    </Paper>
  );
}

/** The correction's title, which takes the focus on opening (a screen reader announces what is being corrected). */
function CorrectionTitle({ date }: { date: string }) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <Title order={3} size="h5" id="correct-delivery-title" ref={title} tabIndex={-1}>
      {t('trackRecords.deliveries.correctTitle', { date })}
    </Title>
  );
}

/** "Remove the delivery of …?": nothing is removed until the buyer confirms; the confirm button takes the focus. */
function ConfirmRemove(props: { text: string; problem: ApiProblem | null; loading: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), []);
  return (
    <Alert color="red" variant="light" role="alertdialog" aria-labelledby="confirm-remove-text" data-testid="confirm-remove">
      <Stack gap="xs">
        <Text size="sm" id="confirm-remove-text">
          {props.text}
        </Text>
        {props.problem ? <Text size="sm">{problemMessage(t, props.problem)}</Text> : null}
        <Group gap="xs">
          <Button ref={confirmButton} color="red.9" size="xs" loading={props.loading} onClick={props.onConfirm}>
            {t('trackRecords.deliveries.confirmRemoveYes')}
          </Button>
          <Button variant="default" size="xs" onClick={props.onCancel}>
            {t('trackRecords.deliveries.cancel')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

interface FormProps {
  unitLabel: string;
  initial: Values;
  submitLabel: string;
  /** Sends the figures; a BAD_USER_INPUT it throws shows beside the fields, anything else above the button. */
  onSubmit: (figures: Figures) => Promise<void>;
  onCancel?: () => void;
  clearOnSuccess?: boolean;
}

/** One delivery's fields, the same for recording and correcting, with the API's errors beside each. */
function DeliveryForm({ unitLabel, initial, submitLabel, onSubmit, onCancel, clearOnSuccess }: FormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [mode, setMode] = useState<'count' | 'ppm'>('count');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof Values, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const errorFor = (field: Field) =>
    problem?.fields.some((f) => f.field === field) ? t(`trackRecords.deliveries.errors.${field}`) : undefined;
  const submit = async () => {
    setProblem(null);
    setSaving(true);
    const defects = values.defects.trim() === '' ? 0 : typed(values.defects);
    try {
      await onSubmit({
        promisedOn: values.promisedOn,
        deliveredOn: values.deliveredOn,
        quantity: typed(values.quantity),
        ...(mode === 'count' ? { defectiveQuantity: defects } : { defectsPpm: defects }),
      });
      if (clearOnSuccess) setValues(initial);
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('trackRecords.deliveries.promisedOn')}
            value={values.promisedOn}
            onChange={(day) => set('promisedOn', day)}
            error={errorFor('promisedOn')}
            clearable={false}
          />
          <DateField
            label={t('trackRecords.deliveries.deliveredOn')}
            value={values.deliveredOn}
            onChange={(day) => set('deliveredOn', day)}
            error={errorFor('deliveredOn')}
            clearable={false}
          />
          <TextInput
            inputMode="decimal"
            label={t('trackRecords.deliveries.quantity', { unit: unitLabel })}
            value={values.quantity}
            onChange={(e) => set('quantity', e.currentTarget.value)}
            error={errorFor('quantity')}
            required
          />
          <Stack gap={4}>
            <TextInput
              inputMode="decimal"
              label={t('trackRecords.deliveries.defects')}
              value={values.defects}
              onChange={(e) => set('defects', e.currentTarget.value)}
              error={errorFor('defectiveQuantity') ?? errorFor('defectsPpm')}
            />
            <SegmentedControl
              aria-label={t('trackRecords.deliveries.defectsMode')}
              size="xs"
              value={mode}
              onChange={(v) => setMode(v)}
              data={[
                { value: 'count', label: t('trackRecords.deliveries.count') },
                { value: 'ppm', label: t('trackRecords.deliveries.ppmMode') },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
        </SimpleGrid>
        {problem && !problem.fields.length ? <Alert color="red">{problemMessage(t, problem)}</Alert> : null}
        <Group gap="xs">
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('trackRecords.deliveries.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

interface DeliveryListProps {
  deliveries: Delivery[];
  unit: string;
  /** Each is given the row's button that was pressed. */
  onCorrect: (delivery: Delivery, button: HTMLElement) => void;
  onRemove: (delivery: Delivery, button: HTMLElement) => void;
  /** What opens under a delivery (its correction, the question before removing it), if anything. */
  panelFor: (delivery: Delivery) => ReactNode;
}

/**
 * The recorded deliveries, newest first: a table from a tablet up, and on a phone one card per
 * delivery (five columns would scroll sideways and hide the dates). Only one is displayed; the other
 * is `display: none`, out of the accessibility tree. A delivery's panel opens in the one displayed:
 * at the foot of its card, or in a row of its own right under its row.
 */
function DeliveryList({ deliveries, unit, onCorrect, onRemove, panelFor }: DeliveryListProps) {
  const { t } = useTranslation();
  const lang = useLang();
  // Mantine's `sm`, where the table takes over from the cards
  const wide = useMediaQuery('(min-width: 48em)', undefined, { getInitialValueInEffect: false });
  const onTime = (d: Delivery) => (
    <Badge color={d.onTime ? 'teal.9' : 'red.9'} variant="outline" size="sm">
      {d.onTime ? t('trackRecords.deliveries.onTime') : t('trackRecords.deliveries.late')}
    </Badge>
  );
  // the count and the rate each under its own label (one cell "12 · 1,000 ppm" did not say which was which)
  const defectCount = t('trackRecords.deliveries.defectCount', { unit });
  const defectRate = t('trackRecords.deliveries.defectRate');
  const ppm = (d: Delivery) => t('trackRecords.deliveries.ppm', { value: formatNumber(lang, d.defectsPpm, { maximumFractionDigits: 0 }) });
  const actions = (d: Delivery) => (
    <Group gap={6} wrap="nowrap">
      <Button
        size="xs"
        variant="default"
        aria-label={t('trackRecords.deliveries.correctLabel', { date: formatDate(lang, d.deliveredOn) })}
        onClick={(event) => onCorrect(d, event.currentTarget)}
      >
        {t('trackRecords.deliveries.correct')}
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-label={t('trackRecords.deliveries.removeLabel', { date: formatDate(lang, d.deliveredOn) })}
        onClick={(event) => onRemove(d, event.currentTarget)}
      >
        {t('trackRecords.deliveries.remove')}
      </Button>
    </Group>
  );
  return (
    <>
      <Stack
        component="ul"
        hiddenFrom="sm"
        gap="xs"
        p={0}
        m={0}
        aria-label={t('trackRecords.deliveries.title')}
        style={{ listStyle: 'none' }}
      >
        {deliveries.map((d) => (
          <Paper component="li" key={d.id} data-delivery-id={d.id} withBorder p="sm">
            <Group justify="space-between" gap="xs" mb={4}>
              <Text fw={600}>{formatDate(lang, d.deliveredOn)}</Text>
              {onTime(d)}
            </Group>
            <SimpleGrid component="dl" cols={2} spacing={4} verticalSpacing={2} m={0} fz="sm">
              <dt>{t('trackRecords.deliveries.promisedOn')}</dt>
              <dd style={{ margin: 0 }}>{formatDate(lang, d.promisedOn)}</dd>
              <dt>{t('trackRecords.deliveries.quantity', { unit })}</dt>
              <dd style={{ margin: 0 }}>{formatNumber(lang, d.quantity)}</dd>
              <dt>{defectCount}</dt>
              <dd style={{ margin: 0 }}>{formatNumber(lang, d.defectiveQuantity)}</dd>
              <dt>{defectRate}</dt>
              <dd style={{ margin: 0 }}>{ppm(d)}</dd>
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              {actions(d)}
            </Group>
            {wide ? null : <Box mt="sm">{panelFor(d)}</Box>}
          </Paper>
        ))}
      </Stack>
      <Table.ScrollContainer
        visibleFrom="sm"
        // positioned: the visually hidden header is absolute and would otherwise escape the scroll box
        minWidth={700}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('trackRecords.deliveries.title')}
        style={{ position: 'relative' }}
      >
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trackRecords.deliveries.deliveredOn')}</Table.Th>
              <Table.Th scope="col">{t('trackRecords.deliveries.promisedOn')}</Table.Th>
              <Table.Th scope="col">{t('trackRecords.deliveries.quantity', { unit })}</Table.Th>
              <Table.Th scope="col">{defectCount}</Table.Th>
              <Table.Th scope="col">{defectRate}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('trackRecords.deliveries.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.map((d) => {
              const panel = wide ? panelFor(d) : null;
              return (
                <Fragment key={d.id}>
                  <Table.Tr data-delivery-id={d.id}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap="xs" wrap="nowrap">
                        {formatDate(lang, d.deliveredOn)}
                        {onTime(d)}
                      </Group>
                    </Table.Th>
                    <Table.Td>{formatDate(lang, d.promisedOn)}</Table.Td>
                    <Table.Td>{formatNumber(lang, d.quantity)}</Table.Td>
                    <Table.Td>{formatNumber(lang, d.defectiveQuantity)}</Table.Td>
                    <Table.Td>{ppm(d)}</Table.Td>
                    <Table.Td>{actions(d)}</Table.Td>
                  </Table.Tr>
                  {panel ? (
                    <Table.Tr data-panel-of={d.id}>
                      <Table.Td colSpan={6}>{panel}</Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
