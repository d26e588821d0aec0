import { Alert, Button, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import type { ApiProblem } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { importRegistry, type ImportSummary } from '../api/console.js';

/** The registry import: a dry run first (the per-row problems in a table), then the import and its summary. */
export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [dryRun, setDryRun] = useState<ImportSummary>();
  const [imported, setImported] = useState<ImportSummary>();
  const [problem, setProblem] = useState<ApiProblem>();
  const run = async (dry: boolean) => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    const result = await importRegistry(file, dry).catch(() => ({
      problem: { code: 'NETWORK', fields: [] } as unknown as ApiProblem,
      summary: undefined,
    }));
    setBusy(false);
    if (result.problem) return setProblem(result.problem);
    if (dry) setDryRun(result.summary);
    else setImported(result.summary);
  };
  return (
    <Stack gap="md">
      <FileInput
        label={t('console.import.file')}
        description={t('console.import.fileHint')}
        accept=".csv,.xlsx,.jsonl,.ndjson,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        clearable
        onChange={(next) => {
          setFile(next);
          setDryRun(undefined);
          setImported(undefined);
          setProblem(undefined);
        }}
        maw={480}
      />
      <Group gap="xs">
        <Button disabled={!file || busy} loading={busy && !dryRun} onClick={() => void run(true)}>
          {t('console.import.dryRun')}
        </Button>
        <Button
          color="teal.9"
          disabled={!file || !dryRun || busy || Boolean(imported)}
          loading={busy && Boolean(dryRun)}
          onClick={() => void run(false)}
        >
          {t('console.import.run')}
        </Button>
      </Group>
      {problem ? <Alert color="red">{problemMessage(t, problem)}</Alert> : null}
      {dryRun ? <Summary summary={dryRun} /> : null}
      {imported ? <Summary summary={imported} /> : null}
    </Stack>
  );
}

type RowProblem = ImportSummary['problems'][number];

/** A row's problem in the reader's language, from its code and values; the API's English words for a code the app does not know. */
function problemReason(t: TFunction, problem: RowProblem): string {
  if (problem.code === 'OTHER') return problem.reason;
  const params: Record<string, string | undefined> = Object.fromEntries(problem.params.map((p) => [p.name, p.value]));
  const reason = t(`console.import.problem.${problem.code}`, {
    value: params.value,
    allowed: params.allowed,
    codes: params.codes,
    line: params.line,
  });
  return params.suggestions ? `${reason} ${t('console.import.didYouMean', { list: params.suggestions })}` : reason;
}

function Summary({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (value: number) => formatNumber(lang, value);
  const titleId = summary.dryRun ? 'dry-run-summary' : 'import-summary';
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId}>
        {summary.dryRun ? t('console.import.dryRunTitle') : t('console.import.doneTitle')}
      </Title>
      <List size="sm" data-testid={summary.dryRun ? 'dry-run-counts' : 'import-counts'}>
        <List.Item>{t('console.import.total', { count: n(summary.total) })}</List.Item>
        <List.Item>{t('console.import.created', { count: n(summary.created) })}</List.Item>
        <List.Item>{t('console.import.updated', { count: n(summary.updated) })}</List.Item>
        <List.Item>{t('console.import.unchanged', { count: n(summary.unchanged) })}</List.Item>
        <List.Item>{t('console.import.rejected', { count: n(summary.rejected) })}</List.Item>
      </List>
      {summary.unknownColumns.length ? (
        <Text size="sm">{t('console.import.unknownColumns', { list: summary.unknownColumns.join(', ') })}</Text>
      ) : null}
      {summary.problems.length ? (
        <Table.ScrollContainer minWidth={480} type="native">
          <Table striped withTableBorder captionSide="top" data-testid="import-problems">
            <Table.Caption>
              {summary.problemsTruncated ? t('console.import.problemsTruncated') : t('console.import.problems')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('console.import.line')}</Table.Th>
                <Table.Th scope="col">{t('console.import.taxCode')}</Table.Th>
                <Table.Th scope="col">{t('console.import.field')}</Table.Th>
                <Table.Th scope="col">{t('console.import.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.problems.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td>{p.taxCode ?? '—'}</Table.Td>
                  <Table.Td>{p.field}</Table.Td>
                  <Table.Td>{problemReason(t, p)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
