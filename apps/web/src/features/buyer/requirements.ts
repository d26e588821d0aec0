import type { QuantityUnit, SuggestNeedSpecQuery } from '../../gql/graphql.js';

type Spec = SuggestNeedSpecQuery['suggestNeedSpec'];

/** One requirement read from the need's text, for the buyer to confirm or dismiss. */
export interface RequirementSuggestion {
  id: string;
  kind: 'processes' | 'materials' | 'certifications' | 'quantity' | 'toleranceMm' | 'maxLeadTimeDays' | 'maxDistanceKm';
  code?: string;
  label?: string;
  value?: number;
  unit?: QuantityUnit;
  spans: Array<{ start: number; end: number; text: string }>;
}

const UNITS: QuantityUnit[] = ['PCS', 'SETS', 'KG', 'TONNES', 'METRES', 'SQUARE_METRES', 'MACHINE_HOURS'];

/**
 * The API's reading of a text as a flat list of suggestions, terms first, then the numbers. A step the text
 * lets the supplier subcontract ("mạ kẽm có thể thuê ngoài") is not offered as a required process.
 */
export function requirementSuggestions(spec: Spec): RequirementSuggestion[] {
  const out: RequirementSuggestion[] = [];
  for (const kind of ['processes', 'materials', 'certifications'] as const) {
    for (const term of spec[kind]) {
      if ('optional' in term && term.optional) continue;
      out.push({ id: `${kind}:${term.code}`, kind, code: term.code, label: term.label, spans: term.sources });
    }
  }
  if (spec.quantityPerMonth) {
    const unit = UNITS.find((u) => u === spec.quantityPerMonth!.unit);
    out.push({
      id: 'quantity',
      kind: 'quantity',
      value: spec.quantityPerMonth.value,
      ...(unit ? { unit } : {}),
      spans: [spec.quantityPerMonth.source],
    });
  }
  for (const kind of ['toleranceMm', 'maxLeadTimeDays', 'maxDistanceKm'] as const) {
    const found = spec[kind];
    if (found) out.push({ id: kind, kind, value: found.value, spans: [found.source] });
  }
  return out;
}
