import { Button, Group, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Choice, ConflictState } from '../lib/form-versions.js';

interface Props<V extends object> {
  conflict: ConflictState<V> | null;
  /** What changed meanwhile, in the form's words ("Someone else changed this profile meanwhile"). */
  title: string;
  /** A field's name in the reader's language. */
  fieldLabel: (field: keyof V & string) => string;
  /** A field's value as a line of text in the reader's language (names, not codes), for comparing two versions. */
  show: (value: V[keyof V], field: keyof V & string) => string;
  choose: (field: string, choice: Choice) => void;
  chooseAll: (choice: Choice) => void;
  resolve: () => void;
  saving: boolean;
}

/** After a CONFLICT: both versions side by side, field by field, the member choosing which to keep. */
export function ConflictPanel<V extends object>({ conflict, title, fieldLabel, show, choose, chooseAll, resolve, saving }: Props<V>) {
  const { t } = useTranslation();
  if (!conflict) return null;
  return (
    <Paper component="section" withBorder p="md" bg="orange.0" aria-labelledby="conflict-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="conflict-title">
          {title}
        </Title>
        <Text size="sm">{t('sme.conflict.body')}</Text>
        <Table.ScrollContainer minWidth={0}>
          <Table layout="fixed" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sme.conflict.field')}</Table.Th>
                <Table.Th scope="col">{t('sme.conflict.mine')}</Table.Th>
                <Table.Th scope="col">{t('sme.conflict.theirs', { version: conflict.theirsVersion })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conflict.rows.map((row) => {
                const label = fieldLabel(row.field);
                return (
                  <Table.Tr key={row.field}>
                    <Table.Th scope="row">{label}</Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Radio
                        name={`conflict-${row.field}`}
                        checked={conflict.choices[row.field] === 'mine'}
                        onChange={() => choose(row.field, 'mine')}
                        label={show(row.mine, row.field)}
                        aria-label={`${label}: ${t('sme.conflict.keepMine')} (${show(row.mine, row.field)})`}
                      />
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Radio
                        name={`conflict-${row.field}`}
                        checked={conflict.choices[row.field] === 'theirs'}
                        onChange={() => choose(row.field, 'theirs')}
                        label={show(row.theirs, row.field)}
                        aria-label={`${label}: ${t('sme.conflict.takeTheirs')} (${show(row.theirs, row.field)})`}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group gap="xs" wrap="wrap">
          <Button variant="default" onClick={() => chooseAll('mine')}>
            {t('sme.conflict.keepAllMine')}
          </Button>
          <Button variant="default" onClick={() => chooseAll('theirs')}>
            {t('sme.conflict.takeAllTheirs')}
          </Button>
          <Button onClick={resolve} loading={saving}>
            {t('sme.conflict.apply')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
