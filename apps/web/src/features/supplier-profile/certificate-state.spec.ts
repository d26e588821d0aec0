import { describe, expect, it } from '@jest/globals';
import { certificateState, todayInVietnam } from './certificate-state.js';

describe('certificate state for a buyer', () => {
  const today = '2026-12-02';
  it.each([
    [{ isValid: true, validUntil: '2028-01-01' }, 'valid'],
    [{ isValid: true, validUntil: '2027-01-15' }, 'lapsing'],
    [{ isValid: false, validUntil: '2026-11-30' }, 'expired'],
    [{ isValid: true, validUntil: '2026-12-02' }, 'expired'],
    [{ isValid: false, validFrom: '2027-01-01', validUntil: '2030-01-01' }, 'notYet'],
    [{ isValid: true, validUntil: null }, 'valid'],
  ] as const)('%j is %s', (cert, state) => {
    expect(certificateState(cert, today)).toBe(state);
  });

  it('takes today on the Vietnam calendar', () => {
    expect(todayInVietnam(new Date('2026-12-01T18:30:00Z'))).toBe('2026-12-02');
  });
});
