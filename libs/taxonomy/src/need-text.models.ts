import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SuggestCapabilitiesArgs } from './capability-extraction.models.js';

@ObjectType('TextSpan', {
  description: 'Words of the text a value was read from: UTF-16 offsets into the NFC form of the text (end exclusive), for highlighting.',
})
export class TextSpanModel {
  @Field(() => Int, { description: 'First UTF-16 unit.' }) start: number;
  @Field(() => Int, { description: 'One past the last UTF-16 unit.' }) end: number;
  @Field({ description: 'The words, as written.' }) text: string;
}

@ObjectType('SuggestedTerm', { description: 'A taxonomy term the text names, with where and how surely.' })
export class SuggestedTermModel {
  @Field({ description: 'Code of the term.' }) code: string;
  @Field({ description: 'Label in the requested language.' }) label: string;
  @Field(() => Float, {
    description:
      '0–1: 0.9 when a label or alias is written out; 0.5–0.6 for a weak match (the words of a label in another order or inflection); 0.4 for a bare process verb naming a family ("dập nắp hộp").',
  })
  confidence: number;
  @Field({ description: 'A weak match: matching uses it to rank, never to filter.' }) weak: boolean;
  @Field({
    description:
      'A step the text lets the supplier subcontract or calls optional ("mạ kẽm có thể thuê ngoài", "錫めっきは外注可"): matching never asks it of the supplier. Always false for other kinds than processes.',
  })
  optional: boolean;
  @Field(() => [TextSpanModel], { description: 'Every place the text names it.' }) sources: TextSpanModel[];
}

@ObjectType('SuggestedQuantity', { description: 'A quantity the text asks for, per month.' })
export class SuggestedQuantityModel {
  @Field(() => Float, {
    description: 'Per month (converted from the period written: a week is 52/12 of a month, a working month 26 days).',
  })
  value: number;
  @Field({ description: 'PCS, SETS, KG, TONNES, METRES or SQUARE_METRES.' }) unit: string;
  @Field({ description: 'The period written: DAY, WEEK, MONTH or YEAR.' }) period: string;
  @Field(() => Float, { description: '0–1.' }) confidence: number;
  @Field(() => TextSpanModel, { description: 'The words.' }) source: TextSpanModel;
}

@ObjectType('SuggestedNumber', { description: 'A number the text states.' })
export class SuggestedNumberModel {
  @Field(() => Float, { description: "The value, in the field's unit (mm, days, km)." }) value: number;
  @Field(() => Float, { description: '0–1.' }) confidence: number;
  @Field(() => TextSpanModel, { description: 'The words.' }) source: TextSpanModel;
}

@ObjectType('SuggestedMachineSize', { description: 'The size of machine the text asks a supplier to run, in tonnes of force.' })
export class SuggestedMachineSizeModel {
  @Field(() => Float, { description: 'Press force or clamping force, in tonnes.' }) tonnes: number;
  @Field(() => String, {
    nullable: true,
    description:
      'PRESS (press force) or CLAMP (moulding or die-casting machine) as the words around it say; null when they name only a machine.',
  })
  kind: string | null;
  @Field(() => Float, { description: '0–1.' }) confidence: number;
  @Field(() => TextSpanModel, { description: 'The words.' }) source: TextSpanModel;
}

@ObjectType('NeedSpecSuggestion', {
  description:
    'What a need written as text asks for, field by field, to pre-fill the form (let the user confirm). Matching reads the same values for every field the buyer left empty; a filled field always wins.',
})
export class NeedSpecSuggestionModel {
  @Field(() => [SuggestedTermModel], { description: 'Processes the text asks for, also when named in other words.' })
  processes: SuggestedTermModel[];
  @Field(() => [SuggestedTermModel], { description: 'Materials (grades such as SPCC, SUS304, ADC12, PA66-GF30).' })
  materials: SuggestedTermModel[];
  @Field(() => [SuggestedTermModel], { description: 'Certifications and standards the text requires.' })
  certifications: SuggestedTermModel[];
  @Field(() => [SuggestedTermModel], { description: 'Product groups the part belongs to, as the text names them.' })
  productGroups: SuggestedTermModel[];
  @Field(() => [SuggestedTermModel], { description: 'Industrial zones named (a delivery point or a place to be near).' })
  zones: SuggestedTermModel[];
  @Field(() => SuggestedQuantityModel, {
    nullable: true,
    description: 'Quantity per month ("300.000 chiếc/tháng", "30k pcs/month", "月産5万個", "월 10만 개").',
  })
  quantityPerMonth: SuggestedQuantityModel | null;
  @Field(() => SuggestedNumberModel, { nullable: true, description: 'Tolerance in mm ("±0,05 mm", "tolerance 5 µm").' })
  toleranceMm: SuggestedNumberModel | null;
  @Field(() => SuggestedNumberModel, {
    nullable: true,
    description: 'Longest acceptable lead time in days ("giao trong 3 tuần", "within 18 days", "納期2週間").',
  })
  maxLeadTimeDays: SuggestedNumberModel | null;
  @Field(() => SuggestedNumberModel, {
    nullable: true,
    description: 'Distance limit in km ("cách KCN Đình Vũ dưới 25 km", "no more than 35 km from our plant").',
  })
  maxDistanceKm: SuggestedNumberModel | null;
  @Field(() => SuggestedMachineSizeModel, {
    nullable: true,
    description:
      'Machine size asked for ("máy dập 400 tấn trở lên", "450톤 이상 사출기", "型締力650トン以上"): matching compares it with the supplier\'s largest press or clamping force (a soft criterion).',
  })
  machineSize: SuggestedMachineSizeModel | null;
}

/** The same text and language as suggestCapabilities; the language also decides "1.500 tấn" (vi) against "1.500 tons" (en). */
@ArgsType()
export class SuggestNeedSpecArgs extends SuggestCapabilitiesArgs {}
