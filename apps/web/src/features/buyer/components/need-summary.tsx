import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedForEditFragment } from '../../../gql/graphql.js';
import { formatDate, formatList, formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { useTermLabels } from '../../../lib/use-term-labels.js';

/**
 * A closed or awarded need, which can no longer change, as a summary to read: each field's value in
 * plain text at full contrast (the disabled form it replaces showed faint grey values, a title cut at
 * the input's edge and the editing hints of a form nobody could edit). Fields left empty say so.
 */
export function NeedSummary({ need }: { need: NeedForEditFragment }) {
  const { t } = useTranslation();
  const lang = useLang();
  const process = useTermLabels('PROCESS');
  const material = useTermLabels('MATERIAL');
  const certification = useTermLabels('CERTIFICATION');
  const none = t('buyer.summary.none');
  const number = (value: number | null | undefined, suffix = '') =>
    value === null || value === undefined ? none : `${formatNumber(lang, value)}${suffix}`;
  const terms = (refs: { code: string }[], label: (code: string) => string) =>
    refs.length
      ? formatList(
          lang,
          refs.map((ref) => label(ref.code)),
        )
      : none;
  const { plant, location } = need.delivery;
  const price = need.targetPrice;
  const priceText = () => {
    if (!price || (price.min == null && price.max == null)) return none;
    const [min, max] = [price.min, price.max].map((value) => (value == null ? null : formatNumber(lang, value)));
    if (min !== null && max !== null) return `${min} – ${max} ${price.currency}`;
    return min !== null ? `${t('buyer.form.priceMin')} ${min} ${price.currency}` : `${t('buyer.form.priceMax')} ${max} ${price.currency}`;
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="need-summary-title" data-testid="need-summary">
      <Stack gap="sm">
        <Title order={2} size="h4" id="need-summary-title">
          {t('buyer.summary.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t(need.status === 'AWARDED' ? 'buyer.summary.lockedAwarded' : 'buyer.summary.lockedClosed')}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" m={0}>
          <Item label={t('buyer.form.description')} wide>
            <span style={{ whiteSpace: 'pre-wrap' }}>{need.description || none}</span>
          </Item>
          <Item label={t('buyer.form.processes')}>{terms(need.processes, process)}</Item>
          <Item label={t('buyer.form.materials')}>{terms(need.materials, material)}</Item>
          <Item label={t('buyer.form.certifications')}>{terms(need.certifications, certification)}</Item>
          <Item label={t('buyer.form.quantity')}>
            {need.quantityPerMonth
              ? `${formatNumber(lang, need.quantityPerMonth.value)} ${t(`enums.unit.${need.quantityPerMonth.unit}`)}`
              : none}
          </Item>
          <Item label={t('buyer.form.toleranceMm')}>{number(need.toleranceMm)}</Item>
          <Item label={t('buyer.form.maxLeadTimeDays')}>{number(need.maxLeadTimeDays)}</Item>
          <Item label={t('buyer.form.neededBy')}>{need.neededBy ? formatDate(lang, need.neededBy) : none}</Item>
          <Item label={t('buyer.form.delivery')}>
            {plant ??
              (location
                ? `${t('buyer.form.latitude')} ${formatNumber(lang, location.latitude, { maximumFractionDigits: 5 })} · ${t('buyer.form.longitude')} ${formatNumber(lang, location.longitude, { maximumFractionDigits: 5 })}`
                : none)}
          </Item>
          <Item label={t('buyer.form.maxDistanceKm')}>{number(need.maxDistanceKm)}</Item>
          <Item
            label={
              <Group component="span" gap="xs">
                {t('buyer.form.targetPrice')}
                <Badge color="red.9" variant="outline" component="span">
                  {t('buyer.form.confidential')}
                </Badge>
              </Group>
            }
          >
            {priceText()}
          </Item>
          <Item label={t('buyer.form.visibility')} wide>
            <span>{t(`buyer.visibility.${need.visibility}.label`)}</span>
            <Text component="span" display="block" size="sm" c="gray.7">
              {t(`buyer.visibility.${need.visibility}.explain`)}
            </Text>
          </Item>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Item({ label, wide, children }: { label: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1', minWidth: 0 } : { minWidth: 0 }}>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
