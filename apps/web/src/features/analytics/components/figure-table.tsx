import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import type { Figure } from '../figure.js';
import classes from './figure-table.module.css';

/** A figure as a table: the chart's text alternative, and what the CSV holds. */
export function FigureTable({
  figure,
  caption,
  action,
  minWidth = 360,
}: {
  figure: Figure;
  caption: string;
  action?: (rowIndex: number) => ReactNode;
  /** Narrower than this, the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
}) {
  const lang = useLang();
  return (
    <div className={classes.scroll}>
      {/* a region the keyboard can reach and scroll when the table is wider than the screen */}
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
            {figure.rows.map((row, index) => (
              <Table.Tr key={index}>
                {figure.columns.map((c) => {
                  const value = row[c.key] ?? null;
                  return (
                    <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined} className={c.numeric ? undefined : classes.text}>
                      {typeof value === 'number' ? formatNumber(lang, value) : (value ?? '—')}
                    </Table.Td>
                  );
                })}
                {action ? <Table.Td>{action(index)}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
