import { applyDecorators } from '@nestjs/common';
import { isEmail, IsString, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';

const SINGLE_LINE = /^[^\p{Cc}\u2028\u2029]*$/u;
const MULTI_LINE = /^[^\p{Cc}\u2028\u2029]*(?:[\n\t\r][^\p{Cc}\u2028\u2029]*)*$/u;
/**
 * Invisible format characters (Unicode category Cf): zero-width space and joiners, word joiner,
 * byte-order mark, soft hyphen, direction marks, embeddings, overrides and isolates, tag characters.
 * A name holding one can look like another name, or reorder the text shown around it.
 */
const NO_FORMAT_CHARACTERS = /^\P{Cf}*$/u;
/** Direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what follows. */
const NO_DIRECTION_OVERRIDES = /^[^\u202A-\u202E\u2066-\u2069]*$/u;

/**
 * A text field: a string of at most `max` characters with no control characters. A single-line
 * field (names, titles, addresses, codes) also refuses invisible format characters: zero-width
 * characters, direction marks, overrides and isolates. A multi-line field (descriptions, messages)
 * may contain newlines and tabs, and the joiners and marks some scripts and emoji need, but no
 * direction embedding, override or isolate. Lone surrogates are rejected as invalid Unicode.
 */
export function Text(max: number, options: { min?: number; multiline?: boolean; each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  const prefix = each ? 'each ' : '';
  return applyDecorators(
    IsString({ each, message: `${prefix}must be a string` }),
    MinLength(options.min ?? 0, { each, message: `${prefix}must be at least ${options.min ?? 0} characters` }),
    MaxLength(max, { each, message: `${prefix}must be at most ${max} characters` }),
    Matches(options.multiline ? MULTI_LINE : SINGLE_LINE, {
      each,
      message: options.multiline
        ? `${prefix}must not contain control characters other than newlines and tabs`
        : `${prefix}must not contain control characters or line breaks`,
    }),
    options.multiline
      ? Matches(NO_DIRECTION_OVERRIDES, {
          each,
          message: `${prefix}must not contain bidirectional embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069)`,
        })
      : Matches(NO_FORMAT_CHARACTERS, {
          each,
          message: `${prefix}must not contain invisible formatting characters (zero-width characters, bidirectional marks, overrides or isolates)`,
        }),
    Matches(WELL_FORMED, { each, message: `${prefix}must be valid Unicode` }),
  );
}

const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

/**
 * An email address of at most 254 characters. class-validator's IsEmail throws (URIError, an
 * internal error) on a lone surrogate, so the text is checked to be valid Unicode without control
 * characters before it is parsed.
 */
export function EmailAddress(): PropertyDecorator {
  return ValidateBy({
    name: 'emailAddress',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && value.length <= 254 && WELL_FORMED.test(value) && SINGLE_LINE.test(value) && isEmail(value),
      defaultMessage: () => 'must be an email address (at most 254 characters)',
    },
  });
}

/** Today's date (YYYY-MM-DD) in Vietnam (UTC+7), the reference for certificate validity. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The calendar day `days` after (or before, when negative) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A certificate counts from its first valid day until the day before its expiry date. */
export function isCertificateValid(validFrom: string | null | undefined, validUntil: string | null | undefined, today: string): boolean {
  return (!validFrom || validFrom <= today) && (!validUntil || validUntil > today);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
