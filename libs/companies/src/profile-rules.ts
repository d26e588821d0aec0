import { type FieldError, isIsoDate } from '#libs/core';
import { type Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import { TAX_CODE_REASONS, taxCodeProblem } from './tax-code.js';

/**
 * Checks that need more than class-validator: the tax-code check digit, taxonomy codes that exist,
 * real calendar dates in order, and the founding year. Returns every problem, with field paths.
 */
export class ProfileRules {
  private readonly errors: FieldError[] = [];

  constructor(private readonly taxonomy: Taxonomy) {}

  taxCode(field: string, value: string | undefined): this {
    if (value === undefined) return this;
    const problem = taxCodeProblem(value);
    if (problem) this.errors.push({ field, reason: TAX_CODE_REASONS[problem] });
    return this;
  }

  codes(field: string, kind: TaxonomyKind, values: readonly string[] | null | undefined): this {
    if (!values) return this;
    values.forEach((code, index) => {
      if (!this.taxonomy.has(kind, code))
        this.errors.push({ field: `${field}.${index}`, reason: `unknown ${kind.toLowerCase().replace('_', ' ')} code ${code}` });
    });
    const duplicates = values.filter((code, index) => values.indexOf(code) !== index);
    if (duplicates.length) this.errors.push({ field, reason: `lists ${duplicates[0]} more than once` });
    return this;
  }

  code(field: string, kind: TaxonomyKind, value: string | null | undefined): this {
    if (value && !this.taxonomy.has(kind, value))
      this.errors.push({ field, reason: `unknown ${kind.toLowerCase().replace('_', ' ')} code ${value}` });
    return this;
  }

  dateRange(field: string, from: string | null | undefined, until: string | null | undefined): this {
    if (from && !isIsoDate(from)) this.errors.push({ field: `${field}.validFrom`, reason: 'is not a real calendar date' });
    if (until && !isIsoDate(until)) this.errors.push({ field: `${field}.validUntil`, reason: 'is not a real calendar date' });
    if (from && until && isIsoDate(from) && isIsoDate(until) && until < from) {
      this.errors.push({ field: `${field}.validUntil`, reason: 'must not be before validFrom' });
    }
    return this;
  }

  notInFuture(field: string, year: number | null | undefined): this {
    if (year !== null && year !== undefined && year > new Date().getFullYear())
      this.errors.push({ field, reason: 'must not be in the future' });
    return this;
  }

  require(field: string, present: boolean, reason: string): this {
    if (!present) this.errors.push({ field, reason });
    return this;
  }

  get problems(): FieldError[] {
    return this.errors;
  }
}
