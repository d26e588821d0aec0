import { readFileSync } from 'node:fs';

/** The labelled need set (apps/eval/data/matching-set.json). */
export interface EvalNeed {
  key: string;
  /** Language of the title: vi, en, ja or ko. */
  language: string;
  sector: string;
  /** How much of the structured form the buyer filled: full, partial or sparse (text only). */
  structured: string;
  /** The buyer, by tax code (ids are generated at load time). */
  buyerTaxCode: string;
  /** The labeller's reading of the need (what the grades were judged against). */
  intent: string;
  /** CreateSourcingNeedInput without buyerId. */
  input: Record<string, unknown> & { title: string; description?: string };
}

export interface EvalLabel {
  needKey: string;
  taxCode: string;
  /** 1..3 (unlisted suppliers are 0). */
  grade: number;
  reason: string;
}

export interface MatchingSet {
  referenceDay: string;
  needs: EvalNeed[];
  labels: EvalLabel[];
}

/** Reads and checks the set: unique need keys, labels of known needs and suppliers, grades 1..3, one label per pair. */
export function loadMatchingSet(file: string, supplierTaxCodes: Set<string>, buyerTaxCodes: Set<string>): MatchingSet {
  const set = JSON.parse(readFileSync(file, 'utf8')) as MatchingSet;
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const need of set.needs) {
    if (keys.has(need.key)) problems.push(`duplicate need key ${need.key}`);
    keys.add(need.key);
    if (!buyerTaxCodes.has(need.buyerTaxCode)) problems.push(`need ${need.key}: unknown buyer tax code ${need.buyerTaxCode}`);
    if (!need.input?.title) problems.push(`need ${need.key}: no title`);
  }
  const pairs = new Set<string>();
  for (const label of set.labels) {
    const pair = `${label.needKey}/${label.taxCode}`;
    if (!keys.has(label.needKey)) problems.push(`label ${pair}: unknown need`);
    if (!supplierTaxCodes.has(label.taxCode)) problems.push(`label ${pair}: unknown supplier tax code`);
    if (![1, 2, 3].includes(label.grade)) problems.push(`label ${pair}: grade must be 1, 2 or 3`);
    if (!label.reason?.trim()) problems.push(`label ${pair}: no reason`);
    if (pairs.has(pair)) problems.push(`label ${pair}: duplicate`);
    pairs.add(pair);
  }
  if (problems.length) throw new Error(`Invalid matching set ${file}:\n  ${problems.join('\n  ')}`);
  return set;
}

/** The labels of one need, tax code → grade. */
export function gradesOf(set: MatchingSet, needKey: string): Map<string, number> {
  return new Map(set.labels.filter((l) => l.needKey === needKey).map((l) => [l.taxCode, l.grade]));
}
