import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Group,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.js';
import type { QuantityUnit } from '../../../gql/graphql.js';
import { formatDate, formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom, type ApiProblem } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { NeedDeliveriesQuery, RecordDeliveryMutation, RemoveDeliveryMutation } from '../api/deliveries.js';

/** The fields the API may name in a BAD_USER_INPUT (each has its message under trackRecords.deliveries.errors). */
type Field = 'promisedOn' | 'deliveredOn' | 'quantity' | 'defectiveQuantity' | 'defectsPpm';

const EMPTY = { promisedOn: '', deliveredOn: '', quantity: '', defects: '0' };

/**
 * The deliveries of an AWARDED need: the buyer records each one (promised and delivered days, quantity
 * in the need's unit, defects as a count or as ppm) and removes one recorded by mistake. They make the
 * supplier's delivery record. The API checks every value; its field errors show beside the fields.
 */
export function NeedDeliveries({ needId, unit }: { needId: string; unit: QuantityUnit | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useQuery(NeedDeliveriesQuery, { variables: { needId }, fetchPolicy: 'cache-and-network' });
  const [record, recording] = useMutation(RecordDeliveryMutation, { refetchQueries: [NeedDeliveriesQuery] });
  const [remove, removing] = useMutation(RemoveDeliveryMutation, { refetchQueries: [NeedDeliveriesQuery] });
  const [values, setValues] = useState(EMPTY);
  const [mode, setMode] = useState<'count' | 'ppm'>('count');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<'recorded' | 'removed' | null>(null);
  const shownUnit = unit ? t(`enums.unit.${unit}`) : '';
  const set = (field: keyof typeof EMPTY, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setNotice(null);
  };
  const errorFor = (field: Field) =>
    problem?.fields.some((f) => f.field === field) ? t(`trackRecords.deliveries.errors.${field}`) : undefined;
  const submit = async () => {
    setProblem(null);
    const defects = values.defects.trim() === '' ? 0 : Number(values.defects.replace(',', '.'));
    try {
      await record({
        variables: {
          input: {
            needId,
            promisedOn: values.promisedOn,
            deliveredOn: values.deliveredOn,
            quantity: Number(values.quantity.replace(',', '.')),
            ...(mode === 'count' ? { defectiveQuantity: defects } : { defectsPpm: defects }),
          },
        },
      });
      setValues(EMPTY);
      setNotice('recorded');
    } catch (error) {
      setProblem(problemFrom(error));
    }
  };
  const deliveries = list.data?.needDeliveries ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deliveries-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="deliveries-title">
          {t('trackRecords.deliveries.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('trackRecords.deliveries.intro')}
        </Text>
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
                label={t('trackRecords.deliveries.quantity', { unit: shownUnit })}
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
            {notice ? (
              <Alert color="teal" role="status">
                {t(notice === 'recorded' ? 'trackRecords.deliveries.recorded' : 'trackRecords.deliveries.removed')}
              </Alert>
            ) : null}
            <Button type="submit" loading={recording.loading} style={{ alignSelf: 'flex-start' }}>
              {t('trackRecords.deliveries.record')}
            </Button>
          </Stack>
        </form>
        {deliveries.length === 0 ? (
          <Text size="sm">{t('trackRecords.deliveries.none')}</Text>
        ) : (
          <Table.ScrollContainer
            // positioned: the visually hidden header is absolute and would otherwise escape the scroll box, widening a phone's page
            minWidth={560}
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
                  <Table.Th scope="col">{t('trackRecords.deliveries.quantity', { unit: shownUnit })}</Table.Th>
                  <Table.Th scope="col">{t('trackRecords.deliveries.defects')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('trackRecords.deliveries.remove')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap="xs" wrap="nowrap">
                        {formatDate(lang, d.deliveredOn)}
                        <Badge color={d.onTime ? 'teal.9' : 'red.9'} variant="outline" size="sm">
                          {d.onTime ? t('trackRecords.deliveries.onTime') : t('trackRecords.deliveries.late')}
                        </Badge>
                      </Group>
                    </Table.Th>
                    <Table.Td>{formatDate(lang, d.promisedOn)}</Table.Td>
                    <Table.Td>{formatNumber(lang, d.quantity)}</Table.Td>
                    <Table.Td>
                      {formatNumber(lang, d.defectiveQuantity)} ·{' '}
                      {t('trackRecords.deliveries.ppm', { value: formatNumber(lang, d.defectsPpm, { maximumFractionDigits: 0 }) })}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        loading={removing.loading}
                        aria-label={t('trackRecords.deliveries.removeLabel', { date: formatDate(lang, d.deliveredOn) })}
                        onClick={() =>
                          void remove({ variables: { id: d.id, version: d.version } }).then(
                            () => setNotice('removed'),
                            (error: unknown) => setProblem(problemFrom(error)),
                          )
                        }
                      >
                        {t('trackRecords.deliveries.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
