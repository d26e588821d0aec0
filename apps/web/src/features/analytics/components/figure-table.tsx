import { Box, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import type { Cell, Figure } from '../figure.js';
import cardClasses from '../../../components/row-cards.module.css';
import classes from './figure-table.module.css';

/** Rows shown at first, and added by each "show more": a year of months per zone is ≈ 500 rows. */
export const FIGURE_PAGE_SIZE = 25;

/**
 * A figure as a table: the chart's text alternative, and what the CSV holds. On a phone each row is a
 * card instead (its title, then each other column's label and value), since a table of five or more
 * columns either scrolls sideways or squeezes its words to a few characters a line. A long figure
 * shows its first rows and a button for the next; the CSV always holds them all.
 */
export function FigureTable({
  figure,
  caption,
  action,
  titleKeys = [figure.columns[0]!.key],
  minWidth = 360,
}: {
  figure: Figure;
  caption: string;
  action?: (rowIndex: number) => ReactNode;
  /** The columns a row's card is titled with (joined by " · "); the card lists the others. */
  titleKeys?: string[];
  /** Narrower than this, the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const captionId = useId();
  const [limit, setLimit] = useState(FIGURE_PAGE_SIZE);
  const total = figure.rows.length;
  const rows = figure.rows.slice(0, limit);
  const show = (value: Cell) => (typeof value === 'number' ? formatNumber(lang, value) : (value ?? '—'));
  const listed = figure.columns.filter((c) => !titleKeys.includes(c.key));
  return (
    <Stack gap="xs">
      <Box className={classes.scroll} visibleFrom="sm">
        {/* a region the keyboard can reach and scroll when the table is wider than its box */}
        <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={caption}>
          <Table striped withTableBorder data-testid="figure-table" captionSide="top">
            <Table.Caption>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {figure.columns.map((c) => (
                  <Table.Th key={c.key} scope="col" ta={c.numeric ? 'right' : undefined}>
                    {c.label}
                  </Table.Th>
                ))}
                {action ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <Table.Tr key={index}>
                  {figure.columns.map((c) => (
                    <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined} className={c.numeric ? undefined : classes.text}>
                      {show(row[c.key] ?? null)}
                    </Table.Td>
                  ))}
                  {action ? <Table.Td>{action(index)}</Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack gap="xs" hiddenFrom="sm">
        <Text size="sm" c="gray.7" ta="center" id={captionId}>
          {caption}
        </Text>
        <Stack component="ul" gap="xs" p={0} m={0} aria-labelledby={captionId} data-testid="figure-cards" className={cardClasses.cards}>
          {rows.map((row, index) => (
            <Paper component="li" withBorder p="xs" key={index}>
              <Text fw={600} size="sm" className={cardClasses.cardTitle} data-card-title>
                {titleKeys.map((key) => show(row[key] ?? null)).join(' · ')}
              </Text>
              <dl className={cardClasses.pairs}>
                {listed.map((c) => (
                  <div key={c.key} className={cardClasses.pair}>
                    <dt>{c.label}</dt>
                    <dd className={c.numeric ? cardClasses.number : undefined}>{show(row[c.key] ?? null)}</dd>
                  </div>
                ))}
              </dl>
              {action ? action(index) : null}
            </Paper>
          ))}
        </Stack>
      </Stack>
      {total > rows.length ? (
        <Stack gap={4} align="flex-start">
          <Text size="sm" c="gray.7" data-testid="figure-shown">
            {t('analytics.shownRows', { shown: formatNumber(lang, rows.length), total: formatNumber(lang, total) })}
          </Text>
          <Button variant="default" size="compact-sm" onClick={() => setLimit((n) => n + FIGURE_PAGE_SIZE)}>
            {t('analytics.showMoreRows', { count: Math.min(FIGURE_PAGE_SIZE, total - rows.length) })}
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}
