/** How a certificate stands today, for a buyer: valid, lapsing within LAPSING_DAYS, expired, or not yet valid. */
export type CertificateState = 'valid' | 'lapsing' | 'expired' | 'notYet';
export const LAPSING_DAYS = 60;

export function certificateState(
  cert: { isValid: boolean; validFrom?: string | null; validUntil?: string | null },
  today: string,
): CertificateState {
  if (cert.validFrom && cert.validFrom > today) return 'notYet';
  if (!cert.isValid || (cert.validUntil && cert.validUntil <= today)) return 'expired';
  if (cert.validUntil) {
    const days = (Date.parse(`${cert.validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
    if (days <= LAPSING_DAYS) return 'lapsing';
  }
  return 'valid';
}

/** Today's date in Vietnam (the API judges validity on the Vietnam calendar). */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
