import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor, type MaybeActor, requireActor } from '#libs/accounts';
import { NotFound, ValidationFailed } from '#libs/core';
import { ANALYTICS_CSV } from './analytics-csv.js';
import {
  CertificationExpiryArgs,
  CoachingTargetsArgs,
  CoverageArgs,
  LocalisationArgs,
  MatchingFunnelArgs,
  PeriodArgs,
  SupplyGapsArgs,
} from './analytics.inputs.js';
import { AnalyticsService } from './analytics.service.js';

type Query = Record<string, string | string[] | undefined>;
const GAP_PARTS = ['needs', 'capabilities', 'bottlenecks'] as const;

/**
 * CSV downloads of the analytics queries: GET /analytics/<report>.csv with the GraphQL arguments as
 * query parameters and the same bearer token. Same service, same checks, same figures.
 */
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get(':file')
  async download(
    @Param('file') file: string,
    @Query() query: Query,
    @CurrentActor() actor: MaybeActor,
    @Res() res: Response,
  ): Promise<void> {
    // Who is asking comes before what they ask (the services decide what a signed-in caller may see).
    requireActor(actor);
    const report = /^([a-z-]+)\.csv$/.exec(file)?.[1];
    const { part, ...rest } = query;
    let csv: string;
    switch (report) {
      case 'supply-coverage': {
        const args = await argsOf(CoverageArgs, rest);
        csv = ANALYTICS_CSV.supplyCoverage(await this.analytics.supplyCoverage(actor, args), args.lang);
        break;
      }
      case 'supply-gaps': {
        const which = part ?? 'needs';
        if (!GAP_PARTS.includes(which as never)) throw ValidationFailed.of('part', `must be one of ${GAP_PARTS.join(', ')}`);
        const args = await argsOf(SupplyGapsArgs, rest);
        csv = ANALYTICS_CSV.supplyGaps(await this.analytics.supplyGaps(actor, args), which as (typeof GAP_PARTS)[number], args.lang);
        break;
      }
      case 'coaching-targets': {
        const args = await argsOf(CoachingTargetsArgs, rest);
        csv = ANALYTICS_CSV.coachingTargets(await this.analytics.coachingTargets(actor, args), args.lang);
        break;
      }
      case 'certification-expiry': {
        const args = await argsOf(CertificationExpiryArgs, rest);
        csv = ANALYTICS_CSV.certificationExpiry(await this.analytics.certificationExpiry(actor, args), args.lang);
        break;
      }
      case 'matching-funnel': {
        const args = await argsOf(MatchingFunnelArgs, rest);
        csv = ANALYTICS_CSV.matchingFunnel(await this.analytics.matchingFunnel(actor, args), args.lang);
        break;
      }
      case 'localisation':
        csv = ANALYTICS_CSV.localisation(await this.analytics.localisation(actor, await argsOf(LocalisationArgs, rest)));
        break;
      case 'supplier-growth':
        csv = ANALYTICS_CSV.supplierGrowth(await this.analytics.supplierGrowth(actor, await argsOf(PeriodArgs, rest)));
        break;
      default:
        throw new NotFound('Analytics report', file);
    }
    res
      .status(200)
      .setHeader('Content-Type', 'text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${report}.csv"`)
      .setHeader('Cache-Control', 'no-store')
      .send(csv);
  }
}

/** Query parameters → the GraphQL argument class, validated the same way (numbers and lists converted). */
async function argsOf<T extends object>(type: new () => T, query: Query): Promise<T> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'groupBy') plain[key] = (Array.isArray(value) ? value : String(value ?? '').split(',')).filter((v) => v !== '');
    else if (Array.isArray(value)) throw ValidationFailed.of(key, 'must be given once');
    else plain[key] = value !== undefined && /^-?\d{1,9}$/.test(value) ? Number(value) : value;
  }
  const args = plainToInstance(type, plain);
  // every argument of a report carries a validator: their properties are the parameters it takes
  const known = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(type, '', true, false)
      .map((m) => m.propertyName),
  );
  const unknown = Object.keys(plain).filter((key) => !known.has(key));
  const errors = await validate(args, { forbidUnknownValues: false, whitelist: false });
  const fieldErrors = [
    ...unknown.map((field) => ({ field, reason: 'is not a parameter of this report' })),
    ...errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((reason) => ({
        field: e.property,
        reason: reason.replace(new RegExp(`^${e.property} `), ''),
      })),
    ),
  ];
  if (fieldErrors.length) throw new ValidationFailed(fieldErrors);
  return args;
}
