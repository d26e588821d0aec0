import type { CandidateCertification } from './types.js';

const DAY_MS = 86_400_000;
/** Vietnam has no daylight saving time: always UTC+7. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/**
 * A certificate counts from validFrom (inclusive) until the day before validUntil: on its expiry day it
 * no longer counts. YYYY-MM-DD strings compare correctly as text.
 */
export function isValidOn(certificate: CandidateCertification, today: string): boolean {
  return (
    (certificate.validFrom === null || certificate.validFrom <= today) &&
    (certificate.validUntil === null || today < certificate.validUntil)
  );
}

/** The calendar day in Vietnam of an ISO timestamp, or null when it does not parse. */
export function vietnamDate(timestamp: string): string | null {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? null : new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
