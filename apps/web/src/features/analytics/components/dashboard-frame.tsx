import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { figureCsv, type Figure } from '../figure.js';
import { Loading } from '../../../components/loading.js';

/** Saves the figure as a CSV file (UTF-8 with a byte-order mark, so spreadsheets read the diacritics). */
export function downloadCsv(figure: Figure, name: string): void {
  const blob = new Blob(['\uFEFF', figureCsv(figure)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A dashboard's frame: title, filters, "as of", the CSV download, then the chart and its table. */
export function DashboardFrame(props: {
  title: string;
  intro: string;
  filters: ReactNode;
  /** The snapshot's day or time; `live` figures are computed for each request. */
  asOf: string | null | undefined;
  live?: boolean;
  loading: boolean;
  error: unknown;
  figure: Figure | null;
  csvName: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="md" py="md">
      <Anchor component={Link} to={`/${lang}/analytics`} size="sm">
        {t('analytics.back')}
      </Anchor>
      <Title order={1}>{props.title}</Title>
      <Text>{props.intro}</Text>
      <Group
        gap="sm"
        align="flex-end"
        wrap="wrap"
        component="form"
        role="search"
        aria-label={t('analytics.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        {props.filters}
      </Group>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" c="gray.7" data-testid="as-of">
          {props.live
            ? t('analytics.live')
            : props.asOf
              ? t('analytics.asOf', {
                  date:
                    props.asOf.length > 10
                      ? `${formatDate(lang, props.asOf)} ${new Date(props.asOf).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' })}`
                      : formatDate(lang, props.asOf),
                })
              : t('analytics.noSnapshot')}
        </Text>
        <Button variant="light" size="xs" disabled={!props.figure} onClick={() => props.figure && downloadCsv(props.figure, props.csvName)}>
          {t('analytics.downloadCsv')}
        </Button>
      </Group>
      {props.error && !props.figure ? <Alert color="red">{problemMessage(t, problemFrom(props.error))}</Alert> : null}
      {props.loading && !props.figure ? <Loading /> : null}
      {props.figure ? props.children : null}
    </Stack>
  );
}
