import type { GeoPoint } from './types.js';

/** Mean earth radius (IUGG), the value the search index uses too, so distances agree with retrieval. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Side, in degrees, of the grid cells whose centres stand in for a hidden buyer's delivery point (0.1° ≈ 11 km × 10 km here). */
export const COARSE_CELL_DEG = 0.1;

/** The centre of the COARSE_CELL_DEG grid cell holding `p`: the same for every point of the cell, so it does not locate a plant within it. */
export function coarsePoint(p: GeoPoint): GeoPoint {
  const centre = (degrees: number) => Math.round((Math.floor(degrees / COARSE_CELL_DEG) + 0.5) * COARSE_CELL_DEG * 10_000) / 10_000;
  return { lat: centre(p.lat), lng: centre(p.lng) };
}

/** Lower edges, in km, of the distance bands told for a hidden buyer: 0–10, 10–20, 20–30, 30–50, 50–100, 100 km and more. */
export const DISTANCE_BANDS_KM: readonly number[] = [0, 10, 20, 30, 50, 100];

export interface DistanceBand {
  from: number;
  /** null for the last, open band */
  to: number | null;
}

export function distanceBand(km: number): DistanceBand {
  const index = DISTANCE_BANDS_KM.findLastIndex((edge) => km >= edge);
  const from = DISTANCE_BANDS_KM[Math.max(0, index)];
  return { from, to: DISTANCE_BANDS_KM[Math.max(0, index) + 1] ?? null };
}

/** The distance a band stands for when scoring: its middle (its lower edge for the open band). */
export function bandDistance(band: DistanceBand): number {
  return band.to === null ? band.from : (band.from + band.to) / 2;
}
