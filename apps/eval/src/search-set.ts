import { readFileSync } from 'node:fs';

/** One labelled search query (apps/eval/data/search-set.json). */
export interface EvalQuery {
  key: string;
  /** vi, vi-nodiac, en, ja, ko, typo, long, place or cert. */
  bucket: string;
  /** Language of the query: vi, en, ja or ko. */
  language: string;
  query: string;
  /** The labeller's reading of the query (what the grades were judged against). */
  intent: string;
}

export interface QueryLabel {
  queryKey: string;
  taxCode: string;
  grade: number;
  reason: string;
}

export interface SearchSet {
  referenceDay: string;
  queries: EvalQuery[];
  labels: QueryLabel[];
}

/** Reads and checks the set: unique keys, queries the API accepts (≤ 200 characters), labels of known queries and suppliers, grades 1..3 with a reason. */
export function loadSearchSet(file: string, supplierTaxCodes: Set<string>): SearchSet {
  const set = JSON.parse(readFileSync(file, 'utf8')) as SearchSet;
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const query of set.queries) {
    if (keys.has(query.key)) problems.push(`duplicate query key ${query.key}`);
    keys.add(query.key);
    if (!query.query?.trim() || Array.from(query.query).length > 200)
      problems.push(`query ${query.key}: empty or longer than 200 characters`);
  }
  const pairs = new Set<string>();
  for (const label of set.labels) {
    const pair = `${label.queryKey}/${label.taxCode}`;
    if (!keys.has(label.queryKey)) problems.push(`label ${pair}: unknown query`);
    if (!supplierTaxCodes.has(label.taxCode)) problems.push(`label ${pair}: unknown supplier tax code`);
    if (![1, 2, 3].includes(label.grade)) problems.push(`label ${pair}: grade must be 1, 2 or 3`);
    if (!label.reason?.trim()) problems.push(`label ${pair}: no reason`);
    if (pairs.has(pair)) problems.push(`label ${pair}: duplicate`);
    pairs.add(pair);
  }
  if (problems.length) throw new Error(`Invalid search set ${file}:\n  ${problems.join('\n  ')}`);
  return set;
}

/** The labels of one query, tax code → grade. */
export function queryGrades(set: SearchSet, queryKey: string): Map<string, number> {
  return new Map(set.labels.filter((l) => l.queryKey === queryKey).map((l) => [l.taxCode, l.grade]));
}
