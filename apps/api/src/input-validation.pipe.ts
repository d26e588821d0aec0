import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { type FieldError, ValidationFailed } from '#libs/core';

/**
 * Validates every @InputType/@ArgsType with class-validator and reports each failure with its full
 * path (`input.certifications.0.validUntil`) and reason in `extensions.fieldErrors`.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // @Parent, @Context and custom decorators carry our own objects, not client input: validating
    // them ran class-validator for every field of every hit.
    // Nest reports GraphQL @Args as 'body' (GqlParamtype.ARGS shares RouteParamtypes.BODY's value).
    if (metadata.type !== 'body') return value;
    const type = metadata.metatype;
    if (!type || !needsValidation(type) || value === null || value === undefined || typeof value !== 'object') return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false, validationError: { target: false, value: false } });
    if (errors.length) {
      const prefix = metadata.data ?? '';
      throw new ValidationFailed(flatten(errors, prefix));
    }
    return instance;
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function needsValidation(type: Function): boolean {
  return ![String, Boolean, Number, Array, Object].includes(type as never);
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const reason of Object.values(error.constraints ?? {})) out.push({ field: path, reason: stripProperty(reason, error.property) });
    if (error.children?.length) out.push(...flatten(error.children, path));
  }
  return out;
}

/** class-validator messages start with the property name; the field path already says it. */
function stripProperty(reason: string, property: string): string {
  return reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;
}
