import { memo, type ReactNode } from 'react';
import classes from './criterion-row.module.css';

/**
 * One criterion of a ranked supplier: its name and points, a bar (its length the criterion's weight,
 * its fill the score) and the API's explanation. Plain elements styled as the Mantine Group, Text and
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
}: {
  name: string;
  points: string;
  /** 0–1 */
  score: number;
  /** The bar's length, in percent of the widest criterion's. */
  widthPercent: number;
  explanation: string;
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
            className={score < 0.5 ? `${classes.fill} ${classes.low}` : classes.fill}
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
      <p className={`${classes.text} ${score === 0 ? classes.unmet : classes.explanation}`}>{explanation}</p>
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
