import { memo, type ReactNode } from 'react';
import classes from './criterion-row.module.css';

/**
 * One criterion of a ranked supplier: its name and points, a bar (its length the criterion's weight,
 * its fill the score) and the API's explanation, both in red when the supplier misses a requirement
 * the criterion checks (`unmet`; a low score alone is not that: a description that fits the need's
 * words poorly is no missing requirement). Plain elements styled as the Mantine Group, Text and
 * Progress it replaces (same theme variables, same progressbar semantics): the match view draws
 * 20 × 11 of them at once, and the components' per-render style resolution was most of a throttled
 * render's time.
 */
export const CriterionRow = memo(function CriterionRow({
  name,
  points,
  score,
  widthPercent,
  explanation,
  unmet,
}: {
  name: string;
  points: string;
  /** 0–1 */
  score: number;
  /** The bar's length, in percent of the widest criterion's. */
  widthPercent: number;
  explanation: string;
  /** The supplier misses a hard requirement this criterion checks (listed in the match's `missing`). */
  unmet: boolean;
}) {
  const value = score * 100;
  return (
    <li>
      <div className={classes.head}>
        <p className={`${classes.text} ${classes.name}`}>{name}</p>
        <p className={`${classes.text} ${classes.points}`}>{points}</p>
      </div>
      <div style={{ width: `${widthPercent}%` }}>
        <div className={classes.track}>
          <div
            className={unmet ? `${classes.fill} ${classes.unmetFill}` : classes.fill}
            style={{ width: `${value}%` }}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={value}
            aria-valuetext={`${value}%`}
            aria-label={name}
          />
        </div>
      </div>
      <p className={`${classes.text} ${unmet ? classes.unmet : classes.explanation}`} data-unmet={unmet || undefined}>
        {explanation}
      </p>
    </li>
  );
});

/** A supplier's criteria: one column on a phone, two from Mantine's `sm` breakpoint. */
export function CriterionList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className={classes.list} aria-label={label}>
      {children}
    </ul>
  );
}
