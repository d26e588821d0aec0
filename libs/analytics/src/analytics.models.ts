import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDate } from '#libs/core';

export enum CoverageDimensionEnum {
  PROCESS = 'PROCESS',
  PRODUCT_GROUP = 'PRODUCT_GROUP',
  CERTIFICATION = 'CERTIFICATION',
  ZONE = 'ZONE',
  SECTOR = 'SECTOR',
}
registerEnumType(CoverageDimensionEnum, {
  name: 'CoverageDimension',
  description: 'What supply coverage is counted by.',
  valuesMap: {
    PROCESS: { description: 'Manufacturing processes (taxonomy kind PROCESS), parents counting the suppliers of their children.' },
    PRODUCT_GROUP: { description: 'Supporting-industry product groups of Decree 111/205 and their categories.' },
    CERTIFICATION: { description: 'Certifications: suppliers holding one, and how many of those certificates are valid.' },
    ZONE: { description: 'Industrial zones; suppliers outside every zone are counted under OUTSIDE_ZONES.' },
    SECTOR: { description: 'Sectors the suppliers serve (electronics, automotive…).' },
  },
});

export enum FunnelDimension {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  SECTOR = 'SECTOR',
}
registerEnumType(FunnelDimension, {
  name: 'FunnelDimension',
  description: "What the funnel groups needs by: the month or quarter they were published in (Vietnam calendar), the buyer's sector.",
  valuesMap: {
    MONTH: { description: 'One row per calendar month of publication (period YYYY-MM).' },
    QUARTER: { description: 'One row per calendar quarter of publication (period YYYY-Qn); not together with MONTH.' },
    SECTOR: { description: "One row per sector of the need's buyer (UNSPECIFIED for a buyer without one)." },
  },
});

const PERIOD_FROM = 'First day of the period (Vietnam calendar), as asked.';
const PERIOD_TO = 'Last day of the period, inclusive, as asked.';

@ObjectType('AnalyticsTerm', { description: 'A taxonomy code with its label in the requested language.' })
export class AnalyticsTerm {
  @Field({ description: 'Stable code (OUTSIDE_ZONES for suppliers outside industrial zones, UNSPECIFIED for buyers without a sector).' })
  code: string;
  @Field({ description: 'Label in the requested language.' }) label: string;
}

@ObjectType('CapacityTotal', { description: 'Total monthly capacity in one unit.' })
export class CapacityTotal {
  @Field({ description: 'Unit (PCS, KG, …); UNKNOWN for suppliers that did not state one.' }) unit: string;
  @Field(() => Float, { description: "Sum of the suppliers' monthly capacity in this unit." }) total: number;
}

@ObjectType('CoverageRow', { description: 'Verified suppliers under one taxonomy value (and its more specific values).' })
export class CoverageRow {
  @Field(() => AnalyticsTerm, { description: 'The taxonomy value this row counts.' }) term: AnalyticsTerm;
  @Field(() => String, { nullable: true, description: 'Code of the parent value in the taxonomy; null for a top-level value.' }) parent:
    string | null;
  @Field(() => Int, { description: 'Depth in the taxonomy (0 = top level).' }) depth: number;
  @Field(() => Int, {
    description: 'Verified suppliers with this value or a more specific one (for CERTIFICATION: holding one, valid or not).',
  })
  verifiedSuppliers: number;
  @Field(() => Int, {
    description: 'Of those, how many hold at least one valid certificate (for CERTIFICATION: a valid certificate of this code).',
  })
  withValidCertification: number;
  @Field(() => [CapacityTotal], { description: 'Their total monthly capacity, per unit.' }) monthlyCapacity: CapacityTotal[];
}

@ObjectType('SupplyCoverage', {
  description: 'Verified supply per value of a dimension; values without any supplier are listed with zeros (what the city lacks).',
})
export class SupplyCoverage {
  @Field(() => CoverageDimensionEnum, { description: 'The dimension counted by, as asked.' }) dimension: CoverageDimensionEnum;
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Day (Vietnam) of the supply snapshot the figures come from (certificates judged valid on it); null before the first snapshot.',
  })
  asOf: string | null;
  @Field(() => [CoverageRow], { description: 'In taxonomy order (parents before children).' }) rows: CoverageRow[];
}

@ObjectType('SupplyRequirement', { description: 'A single hard requirement and how many verified suppliers meet it.' })
export class SupplyRequirement {
  @Field({ description: 'PROCESS or CERTIFICATION.' }) kind: string;
  @Field(() => AnalyticsTerm, { description: 'The process or certification required.' }) term: AnalyticsTerm;
  @Field(() => Int, { description: 'Verified suppliers meeting this requirement alone.' }) suppliers: number;
}

@ObjectType('NeedGap', { description: 'An open need and its local supply. Buyer names never appear; titles of PRIVATE needs neither.' })
export class NeedGap {
  @Field(() => ID, { description: 'Id of the need (for ADMIN to open it; analysts see only these figures).' }) needId: string;
  @Field(() => String, { nullable: true, description: 'Title; null for a PRIVATE need.' }) title: string | null;
  @Field({ description: 'PUBLIC, ANONYMOUS or PRIVATE.' }) visibility: string;
  @Field(() => AnalyticsTerm, { nullable: true, description: 'Product group the need asks for; null when it names none.' })
  productGroup: AnalyticsTerm | null;
  @Field(() => [AnalyticsTerm], { description: "Sectors the need's buyer works in (the buyer itself stays unnamed)." })
  buyerSectors: AnalyticsTerm[];
  @Field(() => [AnalyticsTerm], { description: 'Required processes.' }) processes: AnalyticsTerm[];
  @Field(() => [AnalyticsTerm], { description: 'Required certifications.' }) certifications: AnalyticsTerm[];
  @Field(() => Int, { description: 'Verified local suppliers meeting every hard requirement (as matching judges them).' })
  qualifiedSuppliers: number;
  @Field(() => Int, {
    description: 'Verified suppliers with the required processes and certifications (capacity, lead time, tolerance and distance aside).',
  })
  capableSuppliers: number;
  @Field(() => SupplyRequirement, { nullable: true, description: 'The required process or certification the fewest suppliers meet.' })
  bottleneck: SupplyRequirement | null;
}

@ObjectType('CapabilityGap', {
  description:
    'A capability (processes + certifications) that gap needs ask for, e.g. "IATF 16949 + stamping: 14 open needs, 2 suppliers".',
})
export class CapabilityGap {
  @Field({ description: 'Readable name of the capability.' }) label: string;
  @Field(() => [AnalyticsTerm], { description: 'Processes of the capability (all required together).' }) processes: AnalyticsTerm[];
  @Field(() => [AnalyticsTerm], { description: 'Certifications of the capability (all required, valid).' }) certifications: AnalyticsTerm[];
  @Field(() => Int, { description: 'Open needs asking for it that have fewer qualified suppliers than the threshold.' }) openNeeds: number;
  @Field(() => Int, { description: 'Verified suppliers that have the whole capability.' }) suppliers: number;
}

@ObjectType('GapBottleneck', { description: 'A process or certification that is the scarcest requirement of gap needs.' })
export class GapBottleneck {
  @Field({ description: 'PROCESS or CERTIFICATION.' }) kind: string;
  @Field(() => AnalyticsTerm, { description: 'The scarce process or certification.' }) term: AnalyticsTerm;
  @Field(() => Int, { description: 'Gap needs for which it is the scarcest requirement.' }) openNeeds: number;
  @Field(() => Int, { description: 'Verified suppliers meeting it.' }) suppliers: number;
}

@ObjectType('SupplyGaps', { description: 'Where local supply falls short, from the latest supply snapshot.' })
export class SupplyGaps {
  @Field(() => Date, { nullable: true, description: 'When the snapshot was computed (null before the first one).' })
  computedAt: Date | null;
  @Field(() => Int, { description: 'A need with fewer qualified suppliers than this is a gap.' }) threshold: number;
  @Field(() => Int, { description: 'Open needs in the snapshot, gaps or not.' }) openNeeds: number;
  @Field(() => Int, { description: 'Open needs below the threshold.' }) gapNeeds: number;
  @Field(() => [NeedGap], { description: 'Open needs, fewest qualified suppliers first.' }) needs: NeedGap[];
  @Field(() => [CapabilityGap], { description: 'Capabilities blocking the most gap needs first.' }) capabilities: CapabilityGap[];
  @Field(() => [GapBottleneck], { description: 'Single processes or certifications blocking the most gap needs first.' })
  bottlenecks: GapBottleneck[];
}

@ObjectType('ExpiringCertificate', { description: 'A certificate that lapses soon and has no renewal on record.' })
export class ExpiringCertificate {
  @Field(() => ID, { description: 'Id of the supplier holding the certificate.' }) supplierId: string;
  @Field({ description: "The supplier's registered Vietnamese name, to address the outreach." }) supplierName: string;
  @Field(() => AnalyticsTerm, { nullable: true, description: "The supplier's industrial zone; null outside every zone." })
  zone: AnalyticsTerm | null;
  @Field({ description: "The supplier's verification status (VERIFIED, UNVERIFIED or SUSPENDED)." }) verificationStatus: string;
  @Field(() => AnalyticsTerm, { description: 'Which certification lapses.' }) certification: AnalyticsTerm;
  @Field(() => LocalDate, { description: 'First day it no longer counts.' }) validUntil: string;
  @Field(() => Int, { description: 'Days from today until `validUntil` (1 = it lapses tomorrow).' }) daysLeft: number;
}

@ObjectType('CertificationCount', { description: 'How many certificates of one kind lapse in the window.' })
export class CertificationCount {
  @Field(() => AnalyticsTerm, { description: 'The certification counted.' }) certification: AnalyticsTerm;
  @Field(() => Int, { description: 'Certificates of it lapsing in the window without a renewal on record.' }) expiring: number;
}

@ObjectType('CertificationExpiry', { description: 'Certificates lapsing within a window, for outreach.' })
export class CertificationExpiry {
  @Field(() => LocalDate, { description: 'Day (Vietnam) the window starts after.' }) today: string;
  @Field(() => Int, { description: 'Length of the window in days, as asked.' }) withinDays: number;
  @Field(() => Int, { description: 'All certificates lapsing in the window.' }) total: number;
  @Field(() => [CertificationCount], {
    description: 'Lapsing certificates per certification, most first (all of them, not only the listed ones).',
  })
  byCertification: CertificationCount[];
  @Field(() => [ExpiringCertificate], { description: 'Soonest first, at most `first`.' }) certificates: ExpiringCertificate[];
}

@ObjectType('ReasonCount', { description: 'How often a decline reason was given.' })
export class ReasonCount {
  @Field({ description: 'The DeclineReason given (CAPACITY, PRICE, …).' }) reason: string;
  @Field(() => Int, { description: 'Declined invitations that gave it.' }) count: number;
}

@ObjectType('FunnelRow', { description: 'Needs published in a period (and buyer sector) and how far they got.' })
export class FunnelRow {
  @Field(() => String, { nullable: true, description: 'YYYY-MM or YYYY-Qn; null when not grouped by period.' }) period: string | null;
  @Field(() => AnalyticsTerm, { nullable: true, description: 'Buyer sector; null when not grouped by sector.' })
  sector: AnalyticsTerm | null;
  @Field(() => Int, { description: 'Needs published.' }) needs: number;
  @Field(() => Int, { description: 'Of those, needs where the buyer shortlisted or invited at least one matched supplier.' })
  matched: number;
  @Field(() => Int, { description: 'Needs with at least one supplier invited.' }) invited: number;
  @Field(() => Int, { description: 'Needs with at least one invitation accepted.' }) accepted: number;
  @Field(() => Int, { description: 'Needs awarded to a supplier.' }) awarded: number;
  @Field(() => [ReasonCount], { description: 'Declined invitations on these needs, by reason, most frequent first.' })
  declineReasons: ReasonCount[];
}

@ObjectType('MatchingFunnel', { description: 'needs → matched → invited → accepted → awarded.' })
export class MatchingFunnel {
  @Field(() => LocalDate, { description: PERIOD_FROM }) from: string;
  @Field(() => LocalDate, { description: PERIOD_TO }) to: string;
  @Field(() => [FunnelRow], { description: 'One row per group, periods in order.' }) rows: FunnelRow[];
}

@ObjectType('LocalisationRow', { description: 'One month and buyer sector.' })
export class LocalisationRow {
  @Field({ description: 'Calendar month, YYYY-MM.' }) month: string;
  @Field(() => AnalyticsTerm, { description: "The needs' buyer sector (UNSPECIFIED for buyers without one)." }) sector: AnalyticsTerm;
  @Field(() => Int, { description: "Open needs in the month's last supply snapshot (0 when the month has none)." }) openNeeds: number;
  @Field(() => Int, { description: 'Of those, needs with at least `enough` qualified local suppliers.' }) wellSuppliedNeeds: number;
  @Field(() => Float, { nullable: true, description: 'wellSuppliedNeeds / openNeeds; null without a snapshot or open needs.' })
  wellSuppliedShare: number | null;
  @Field(() => Int, { description: 'Needs that ended (awarded or closed) in the month.' }) endedNeeds: number;
  @Field(() => Int, { description: 'Of those, awarded to a local supplier.' }) awardedLocal: number;
  @Field(() => Float, { nullable: true, description: 'awardedLocal / endedNeeds; null when none ended.' }) awardedLocalShare: number | null;
  @Field(() => Int, { description: 'Of the awards, to Vietnamese-owned (DOMESTIC) suppliers.' }) awardedDomestic: number;
}

@ObjectType('Localisation', { description: 'Local supply and local awards per buyer sector over time.' })
export class Localisation {
  @Field(() => LocalDate, { description: PERIOD_FROM }) from: string;
  @Field(() => LocalDate, { description: PERIOD_TO }) to: string;
  @Field(() => Int, { description: 'Qualified suppliers a need must have to count as well supplied.' }) enough: number;
  @Field(() => [LocalisationRow], { description: 'One row per month and sector with any need, months in order.' }) rows: LocalisationRow[];
}

@ObjectType('GrowthRow', { description: 'Suppliers registered and verified in one month and zone.' })
export class GrowthRow {
  @Field({ description: 'Calendar month, YYYY-MM.' }) month: string;
  @Field(() => AnalyticsTerm, { description: 'Industrial zone (OUTSIDE_ZONES for suppliers outside every zone).' }) zone: AnalyticsTerm;
  @Field(() => Int, { description: 'Registered in the month.' }) registered: number;
  @Field(() => Int, { description: 'Verified for the first time in the month.' }) verified: number;
  @Field(() => Int, { description: 'Registered by the end of the month.' }) registeredTotal: number;
  @Field(() => Int, { description: 'Verified by the end of the month.' }) verifiedTotal: number;
}

@ObjectType('SupplierGrowth', { description: 'Supplier registrations and verifications per month and zone.' })
export class SupplierGrowth {
  @Field(() => LocalDate, { description: PERIOD_FROM }) from: string;
  @Field(() => LocalDate, { description: PERIOD_TO }) to: string;
  @Field(() => [GrowthRow], { description: 'One row per month of the period and zone with any supplier, months in order.' })
  rows: GrowthRow[];
}

@ObjectType('SupplySnapshotReport', { description: 'A refreshed supply snapshot.' })
export class SupplySnapshotReport {
  @Field(() => LocalDate, { description: 'Day (Vietnam) it was computed for.' }) day: string;
  @Field(() => Int, { description: 'Open needs in the snapshot.' }) openNeeds: number;
  @Field(() => Int, { description: 'Verified suppliers in the snapshot.' }) verifiedSuppliers: number;
  @Field(() => Int, {
    description:
      'Pairs of a need short of suppliers and a supplier whose only unmet hard requirement is its bottleneck (coaching targets).',
  })
  coachingPairs: number;
  @Field(() => Int, { description: 'Ranked coaching targets stored, per capability and gap threshold step.' })
  coachingTargets: number;
  @Field(() => Int, { description: 'How long the refresh took, in milliseconds.' }) durationMs: number;
}

export enum CoachingGapKind {
  CERTIFICATION = 'CERTIFICATION',
  PROCESS = 'PROCESS',
}
registerEnumType(CoachingGapKind, {
  name: 'CoachingGapKind',
  description: 'Which kind of blocking capability coaching targets are listed for.',
  valuesMap: {
    CERTIFICATION: { description: 'Certifications (e.g. IATF 16949) that block the most gap needs.' },
    PROCESS: { description: 'Processes that block the most gap needs.' },
  },
});

@ObjectType('CoachingTarget', { description: 'A verified supplier one change (the gap capability) away from qualifying for gap needs.' })
export class CoachingTarget {
  @Field(() => ID, { description: 'Id of the supplier one change away from the gap; open it with `supplier(id)`.' }) supplierId: string;
  @Field({ description: 'Its registered name.' }) supplierName: string;
  @Field(() => AnalyticsTerm, { nullable: true, description: 'Its industrial zone (null outside the zones).' }) zone: AnalyticsTerm | null;
  @Field(() => Int, { description: 'Gap needs whose only unmet hard requirement, for this supplier, is the gap capability.' })
  needs: number;
  @Field(() => [CapacityTotal], { description: 'Their total monthly quantity per unit.' }) monthlyVolume: CapacityTotal[];
}

@ObjectType('CoachingGap', { description: 'A process or certification blocking gap needs, and the suppliers to coach toward it.' })
export class CoachingGap {
  @Field(() => CoachingGapKind, { description: 'Process or certification.' }) kind: CoachingGapKind;
  @Field(() => AnalyticsTerm, { description: 'The capability.' }) term: AnalyticsTerm;
  @Field(() => Int, { description: 'Gap needs it is the scarcest requirement of.' }) openNeeds: number;
  @Field(() => Int, { description: 'Verified suppliers that have it.' }) suppliers: number;
  @Field(() => [CoachingTarget], { description: 'Suppliers one change away, the most needs (then the most volume) first.' })
  targets: CoachingTarget[];
}

@ObjectType('CoachingTargets', { description: 'Whom the centre could help toward which gap, from the latest supply snapshot.' })
export class CoachingTargets {
  @Field(() => Date, { nullable: true, description: 'When the snapshot was computed (null before the first one).' })
  computedAt: Date | null;
  @Field(() => Int, { description: 'A need with fewer qualified suppliers than this is a gap.' }) threshold: number;
  @Field(() => CoachingGapKind, { description: 'Kind of capability listed.' }) by: CoachingGapKind;
  @Field(() => [CoachingGap], { description: 'Capabilities blocking the most gap needs first.' }) gaps: CoachingGap[];
}
