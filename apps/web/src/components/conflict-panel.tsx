import { Button, Group, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Choice, ConflictState } from '../lib/form-versions.js';
import classes from './conflict-panel.module.css';

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
  const mine = t('sme.conflict.mine');
  const theirs = t('sme.conflict.theirs', { version: conflict.theirsVersion });
  return (
    <Paper component="section" withBorder p="md" bg="orange.0" aria-labelledby="conflict-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="conflict-title">
          {title}
        </Title>
        <Text size="sm">{t('sme.conflict.body')}</Text>
        <Table.ScrollContainer minWidth={0}>
          {/* the roles said explicitly: on a phone the rows are drawn as blocks (conflict-panel.module.css) */}
          <Table layout="fixed" verticalSpacing="xs" className={classes.table} role="table">
            <Table.Thead role="rowgroup">
              <Table.Tr role="row">
                <Table.Th scope="col" role="columnheader">
                  {t('sme.conflict.field')}
                </Table.Th>
                <Table.Th scope="col" role="columnheader">
                  {mine}
                </Table.Th>
                <Table.Th scope="col" role="columnheader">
                  {theirs}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody role="rowgroup">
              {conflict.rows.map((row) => {
                const label = fieldLabel(row.field);
                return (
                  <Table.Tr key={row.field} role="row">
                    <Table.Th scope="row" role="rowheader">
                      {label}
                    </Table.Th>
                    {(['mine', 'theirs'] as const).map((choice) => {
                      const value = show(row[choice], row.field);
                      return (
                        <Table.Td key={choice} role="cell" style={{ overflowWrap: 'anywhere' }}>
                          {/* on a phone, the column's name above its value (its header says it to a screen reader) */}
                          <span className={classes.cellLabel} aria-hidden="true">
                            {choice === 'mine' ? mine : theirs}
                          </span>
                          <Radio
                            name={`conflict-${row.field}`}
                            checked={conflict.choices[row.field] === choice}
                            onChange={() => choose(row.field, choice)}
                            label={value}
                            aria-label={`${label}: ${t(choice === 'mine' ? 'sme.conflict.keepMine' : 'sme.conflict.takeTheirs')} (${value})`}
                          />
                        </Table.Td>
                      );
                    })}
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
