import { Button, Group, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileValues } from '../profile-form.js';
import type { ProfileEditor } from '../use-profile-editor.js';

/** A field's value as a line of text, for comparing two versions. */
function show(value: ProfileValues[keyof ProfileValues], empty: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return empty;
    return value.map((item) => (typeof item === 'string' ? item : 'kind' in item ? `${item.kind} × ${item.count}` : [item.code, item.validUntil].filter(Boolean).join(' → '))).join(', ');
  }
  return value === '' ? empty : value;
}

/** After a CONFLICT: both versions side by side, field by field, the member choosing which to keep. */
export function ConflictPanel({ editor }: { editor: ProfileEditor }) {
  const { t } = useTranslation();
  const conflict = editor.conflict;
  if (!conflict) return null;
  const empty = t('sme.conflict.empty');
  return (
    <Paper component="section" withBorder p="md" bg="orange.0" aria-labelledby="conflict-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="conflict-title">
          {t('sme.conflict.title')}
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
                const label = t(`sme.field.${row.field}`);
                return (
                  <Table.Tr key={row.field}>
                    <Table.Th scope="row">{label}</Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Radio
                        name={`conflict-${row.field}`}
                        checked={conflict.choices[row.field] === 'mine'}
                        onChange={() => editor.choose(row.field, 'mine')}
                        label={show(row.mine, empty)}
                        aria-label={`${label}: ${t('sme.conflict.keepMine')} (${show(row.mine, empty)})`}
                      />
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Radio
                        name={`conflict-${row.field}`}
                        checked={conflict.choices[row.field] === 'theirs'}
                        onChange={() => editor.choose(row.field, 'theirs')}
                        label={show(row.theirs, empty)}
                        aria-label={`${label}: ${t('sme.conflict.takeTheirs')} (${show(row.theirs, empty)})`}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group gap="xs" wrap="wrap">
          <Button variant="default" onClick={() => editor.chooseAll('mine')}>
            {t('sme.conflict.keepAllMine')}
          </Button>
          <Button variant="default" onClick={() => editor.chooseAll('theirs')}>
            {t('sme.conflict.takeAllTheirs')}
          </Button>
          <Button onClick={() => void editor.resolveConflict()} loading={editor.saving}>
            {t('sme.conflict.apply')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
