/**
 * Ranking metrics of the matching evaluation, pure. Grades are 0..3 (unlabelled = 0); a ranking is a
 * list of supplier keys (tax codes), best first.
 */

/** Graded gain 2^grade − 1: 0, 1, 3, 7. */
export function gain(grade: number): number {
  return 2 ** grade - 1;
}

/** DCG of the first k grades, log2 discount (position 1 counts fully). */
export function dcg(grades: number[], k: number): number {
  let total = 0;
  for (let i = 0; i < Math.min(k, grades.length); i += 1) total += gain(grades[i]) / Math.log2(i + 2);
  return total;
}

/**
 * nDCG@k of a ranking against graded labels; the ideal DCG is built from all labels of the need (not
 * only those retrieved), so a ranking that misses good suppliers is penalised. Null when the need has
 * no label above 0 (the metric is undefined then).
 */
export function ndcgAt(ranking: string[], labels: Map<string, number>, k: number): number | null {
  const ideal = dcg(
    [...labels.values()].filter((g) => g > 0).sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return null;
  return (
    dcg(
      ranking.map((key) => labels.get(key) ?? 0),
      k,
    ) / ideal
  );
}

/** Share of the suppliers graded >= minGrade found in the first k; null when there are none to find. */
export function recallAt(ranking: string[], labels: Map<string, number>, k: number, minGrade = 2): number | null {
  const relevant = [...labels.entries()].filter(([, g]) => g >= minGrade).map(([key]) => key);
  if (relevant.length === 0) return null;
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((key) => top.has(key)).length / relevant.length;
}

/** Mean of the defined values (null when none). */
export function mean(values: (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
}
