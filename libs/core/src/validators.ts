import { applyDecorators } from '@nestjs/common';
import { isEmail, IsString, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';

const SINGLE_LINE = /^[^\p{Cc}\u2028\u2029]*$/u;
const MULTI_LINE = /^[^\p{Cc}\u2028\u2029]*(?:[\n\t\r][^\p{Cc}\u2028\u2029]*)*$/u;

/**
 * A text field: a string of at most `max` characters with no control characters (a multi-line
 * field may contain newlines and tabs). Lone surrogates are rejected as invalid Unicode.
 */
export function Text(max: number, options: { min?: number; multiline?: boolean; each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  const prefix = each ? 'each ' : '';
  return applyDecorators(
    IsString({ each, message: `${prefix}must be a string` }),
    MinLength(options.min ?? 0, { each, message: `${prefix}must be at least ${options.min ?? 0} characters` }),
    MaxLength(max, { each, message: `${prefix}must be at most ${max} characters` }),
    Matches(options.multiline ? MULTI_LINE : SINGLE_LINE, { each, message: options.multiline ? `${prefix}must not contain control characters other than newlines and tabs` : `${prefix}must not contain control characters or line breaks` }),
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
      validate: (value: unknown) => typeof value === 'string' && value.length <= 254 && WELL_FORMED.test(value) && SINGLE_LINE.test(value) && isEmail(value),
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
