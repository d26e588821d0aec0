import type { Language, MatchSuppliersQueryVariables, MatchWeightsInput } from '../../gql/graphql.js';

/**
 * The criteria the API scores, most important first (its default weights, in percent). machineSize
 * counts only for a need whose text states a machine size: its slider shows only then.
 */
export const CRITERIA = [
  'processes',
  'certifications',
  'capacity',
  'materials',
  'distance',
  'text',
  'leadTime',
  'tolerance',
  'machineSize',
  'verification',
  'languages',
  'freshness',
] as const;
export type CriterionKey = (typeof CRITERIA)[number];

/**
 * The API's default weights (libs/matching DEFAULT_WEIGHTS) in percent; weights are relative to each
 * other. All of them are sent once one changes, so a need's conditional machineSize keeps its share.
 */
export const DEFAULT_WEIGHTS: Record<CriterionKey, number> = {
  processes: 25,
  certifications: 15,
  capacity: 12,
  materials: 8,
  distance: 8,
  text: 8,
  leadTime: 7,
  tolerance: 7,
  machineSize: 12,
  verification: 5,
  languages: 3,
  freshness: 2,
};

export function isDefault(weights: Record<CriterionKey, number>): boolean {
  return CRITERIA.every((key) => weights[key] === DEFAULT_WEIGHTS[key]);
}

/** What to send: nothing while the weights are the defaults (the API's own), all of them otherwise. */
export function weightsInput(weights: Record<CriterionKey, number>): MatchWeightsInput | null {
  if (isDefault(weights) || CRITERIA.every((key) => weights[key] === 0)) return null;
  return { ...weights };
}

/** How many ranked suppliers the match view shows. */
const MATCHES_SHOWN = 20;

/** The match view's `matchSuppliers` variables (one place: the route's prefetch must ask exactly what the page asks). */
export function matchVariables(needId: string, weights: Record<CriterionKey, number>, lang: Language): MatchSuppliersQueryVariables {
  return { needId, weights: weightsInput(weights), lang, first: MATCHES_SHOWN };
}

/** Great-circle distance in km between two points. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
