import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 20; // 100 bits
export const CLAIM_CODE_SHAPE = 'twenty letters and digits, e.g. 7KQ2-MX4P-9D3A-HT6W-C8RN';

/** A fresh claim code: 100 random bits in five groups of four (`7KQ2-MX4P-9D3A-HT6W-C8RN`). */
export function newClaimCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]);
  return chars.join('').replace(/(.{4})(?!$)/g, '$1-');
}

/** The code as stored (hashed): upper case, without spaces or dashes, with O read as 0 and I, L as 1; null when it cannot be a code. */
export function normaliseClaimCode(text: string): string | null {
  const code = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** SHA-256 of the normalised code: 100 random bits need no slow hash, and the lookup stays one index probe. */
export function claimCodeHash(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex');
}

/** Days a claim code stays valid unless the configuration (CLAIM_CODE_TTL_DAYS) says otherwise. */
export const DEFAULT_CLAIM_CODE_TTL_DAYS = 30;
