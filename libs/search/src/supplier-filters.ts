import type { Taxonomy } from '#libs/taxonomy';
import { TaxonomyKind } from '#libs/taxonomy';
import { type FieldError, ValidationFailed } from '#libs/core';
import { dayNumber } from './supplier-document.js';
import { placeKey } from './place-key.js';
import { type SearchSuppliersInput, SupplierSort } from './search.inputs.js';

/**
 * A Meilisearch filter value. Values reaching here are taxonomy codes, place keys (a-z, 0-9, "-")
 * or enum values, all checked before; quoting and escaping them anyway keeps any mistake inert.
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const SAFE_VALUE = /^[A-Za-z0-9_-]+$/;

function inList(attribute: string, values: string[]): string {
  for (const value of values) if (!SAFE_VALUE.test(value)) throw new Error(`unsafe filter value for ${attribute}`);
  return `${attribute} IN [${values.map(quote).join(', ')}]`;
}

export interface BuiltSearch {
  filter: string[];
  sort?: string[];
  centre?: { lat: number; lng: number };
}

/**
 * Turns a validated search input into Meilisearch filter and sort expressions, from taxonomy codes
 * that exist, place keys and numbers only: the free-text query never enters a filter.
 */
export function buildSupplierSearch(input: SearchSuppliersInput, taxonomy: Taxonomy, today: string): BuiltSearch {
  const problems: FieldError[] = [];
  const codes = (field: string, kind: TaxonomyKind, values: string[] | undefined) => {
    (values ?? []).forEach((code, i) => {
      if (!taxonomy.has(kind, code))
        problems.push({ field: `input.${field}.${i}`, reason: `unknown ${kind.toLowerCase().replace('_', ' ')} code ${code}` });
    });
    return values ?? [];
  };
  const processesAnyOf = codes('processesAnyOf', TaxonomyKind.PROCESS, input.processesAnyOf);
  const processesAllOf = codes('processesAllOf', TaxonomyKind.PROCESS, input.processesAllOf);
  const materials = codes('materials', TaxonomyKind.MATERIAL, input.materials);
  const productGroups = codes('productGroups', TaxonomyKind.PRODUCT_GROUP, input.productGroups);
  const certifications = codes('certifications', TaxonomyKind.CERTIFICATION, input.certifications);
  const zones = codes('zones', TaxonomyKind.ZONE, input.zones);
  const sectors = codes('sectors', TaxonomyKind.SECTOR, input.sectors);
  let centre: { lat: number; lng: number } | undefined;
  let radiusKm: number | undefined;
  if (input.near && input.nearZone) problems.push({ field: 'input.nearZone', reason: 'give either near or nearZone, not both' });
  if (input.near) {
    centre = { lat: input.near.lat, lng: input.near.lng };
    radiusKm = input.near.radiusKm;
  } else if (input.nearZone) {
    const geo = taxonomy.find(TaxonomyKind.ZONE, input.nearZone.zone)?.geo;
    if (!geo) problems.push({ field: 'input.nearZone.zone', reason: `unknown zone code ${input.nearZone.zone} or it has no coordinates` });
    else centre = { lat: geo.lat, lng: geo.lng };
    radiusKm = input.nearZone.radiusKm;
  }
  if (input.sort === SupplierSort.DISTANCE && !input.near && !input.nearZone)
    problems.push({ field: 'input.sort', reason: 'DISTANCE needs near or nearZone' });
  const wardKeys = (input.wards ?? []).map(placeKey).filter(Boolean);
  const provinceKeys = (input.provinces ?? []).map(placeKey).filter(Boolean);
  if ((input.wards?.length ?? 0) > wardKeys.length) problems.push({ field: 'input.wards', reason: 'each must contain letters or digits' });
  if ((input.provinces?.length ?? 0) > provinceKeys.length)
    problems.push({ field: 'input.provinces', reason: 'each must contain letters or digits' });
  if (problems.length) throw new ValidationFailed(problems);

  const filter: string[] = [`verificationStatus != "SUSPENDED"`];
  if (processesAnyOf.length) filter.push(inList('processTree', processesAnyOf));
  for (const code of processesAllOf) filter.push(inList('processTree', [code]));
  if (materials.length) filter.push(inList('materialTree', materials));
  if (productGroups.length) filter.push(inList('productGroupTree', productGroups));
  const day = dayNumber(today);
  for (const code of certifications) {
    if (!SAFE_VALUE.test(code)) throw new Error('unsafe certification code');
    filter.push(`certUntil.${code} > ${day} AND certFrom.${code} <= ${day}`);
  }
  if (zones.length) filter.push(inList('zone', zones));
  if (wardKeys.length) filter.push(inList('wardKeys', wardKeys));
  if (provinceKeys.length) filter.push(inList('provinceKey', provinceKeys));
  if (sectors.length) filter.push(inList('sectorTree', sectors));
  if (input.verifiedOnly) filter.push('verified = 1');
  if (input.minEmployees !== undefined) filter.push(`employees >= ${Number(input.minEmployees)}`);
  if (input.minMonthlyCapacity)
    filter.push(
      `${inList('capacityUnit', [input.minMonthlyCapacity.unit])} AND capacityValue >= ${Number(input.minMonthlyCapacity.value)}`,
    );
  if (input.maxLeadTimeDays !== undefined) filter.push(`leadTimeDays <= ${Number(input.maxLeadTimeDays)}`);
  if (input.toleranceMm !== undefined) filter.push(`toleranceMm <= ${Number(input.toleranceMm)}`);
  if (centre && radiusKm !== undefined)
    filter.push(`_geoRadius(${Number(centre.lat)}, ${Number(centre.lng)}, ${Math.round(Number(radiusKm) * 1000)})`);

  let sort: string[] | undefined;
  if (input.sort === SupplierSort.DISTANCE && centre) sort = [`_geoPoint(${Number(centre.lat)}, ${Number(centre.lng)}):asc`];
  else if (input.sort === SupplierSort.CAPACITY) sort = ['capacityValue:desc'];
  else if (input.sort === SupplierSort.NEWEST) sort = ['createdAt:desc'];
  return { filter, sort, centre };
}

/** Meilisearch detects a query's language; kanji-only Japanese is often taken for Chinese, so say it. */
export function queryLocales(query: string | undefined): string[] | undefined {
  if (!query) return undefined;
  if (/[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/.test(query)) return ['kor'];
  if (/[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]/.test(query)) return ['jpn'];
  return undefined;
}
