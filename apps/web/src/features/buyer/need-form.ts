import type { CreateSourcingNeedInput, NeedForEditFragment, NeedVisibility, QuantityUnit, Currency } from '../../gql/graphql.js';

/**
 * The need form's values as typed (strings, so nothing the buyer writes is lost to parsing), the
 * checks made before sending, and the API input built from them.
 */
export interface NeedValues {
  title: string;
  description: string;
  processes: string[];
  materials: string[];
  certifications: string[];
  quantity: string;
  quantityUnit: QuantityUnit;
  toleranceMm: string;
  maxLeadTimeDays: string;
  neededBy: string;
  /** A plant of the buyer, or '' for a point on the map. */
  plant: string;
  latitude: string;
  longitude: string;
  maxDistanceKm: string;
  priceMin: string;
  priceMax: string;
  currency: Currency;
  visibility: NeedVisibility;
}

export const EMPTY_NEED: NeedValues = {
  title: '',
  description: '',
  processes: [],
  materials: [],
  certifications: [],
  quantity: '',
  quantityUnit: 'PCS',
  toleranceMm: '',
  maxLeadTimeDays: '',
  neededBy: '',
  plant: '',
  latitude: '',
  longitude: '',
  maxDistanceKm: '',
  priceMin: '',
  priceMax: '',
  currency: 'VND',
  visibility: 'PUBLIC',
};

export const NEED_FIELDS = Object.keys(EMPTY_NEED) as Array<keyof NeedValues>;
export const QUANTITY_UNITS: QuantityUnit[] = ['PCS', 'SETS', 'KG', 'TONNES', 'METRES', 'SQUARE_METRES', 'MACHINE_HOURS'];
export const CURRENCIES: Currency[] = ['VND', 'USD', 'JPY', 'KRW', 'EUR'];
export const VISIBILITIES: NeedVisibility[] = ['PUBLIC', 'ANONYMOUS', 'PRIVATE'];

/** A problem the form finds before sending; `key` is a message under `buyer.check.`. */
export interface NeedProblem {
  field: keyof NeedValues;
  key: 'required' | 'number' | 'integer' | 'date' | 'priceOrder' | 'location';
}

const DECIMAL = /^\d+([.,]\d+)?$/;
const SIGNED = /^-?\d+([.,]\d+)?$/;
const INTEGER = /^\d+$/;

function decimal(value: string): number | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : Number(trimmed.replace(',', '.'));
}

export function validateNeed(v: NeedValues): NeedProblem[] {
  const problems: NeedProblem[] = [];
  if (v.title.trim().length < 3) problems.push({ field: 'title', key: 'required' });
  for (const field of ['quantity', 'toleranceMm', 'maxDistanceKm', 'priceMin', 'priceMax'] as const) {
    if (v[field].trim() !== '' && !DECIMAL.test(v[field].trim())) problems.push({ field, key: 'number' });
  }
  if (v.maxLeadTimeDays.trim() !== '' && !INTEGER.test(v.maxLeadTimeDays.trim()))
    problems.push({ field: 'maxLeadTimeDays', key: 'integer' });
  if (v.neededBy !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(v.neededBy)) problems.push({ field: 'neededBy', key: 'date' });
  const min = decimal(v.priceMin);
  const max = decimal(v.priceMax);
  if (min !== null && max !== null && !Number.isNaN(min) && !Number.isNaN(max) && min > max)
    problems.push({ field: 'priceMax', key: 'priceOrder' });
  const hasLat = v.latitude.trim() !== '';
  const hasLon = v.longitude.trim() !== '';
  if (!v.plant && (hasLat || hasLon) && !(SIGNED.test(v.latitude.trim()) && SIGNED.test(v.longitude.trim())))
    problems.push({ field: 'latitude', key: 'location' });
  return problems;
}

/** The API input (fields left empty are sent as null, so an update clears them). */
export function toNeedInput(v: NeedValues): Omit<CreateSourcingNeedInput, 'buyerId'> {
  const quantity = decimal(v.quantity);
  const min = decimal(v.priceMin);
  const max = decimal(v.priceMax);
  const lat = decimal(v.latitude);
  const lon = decimal(v.longitude);
  return {
    title: v.title.trim(),
    description: v.description.trim() || null,
    processes: v.processes,
    materials: v.materials,
    certifications: v.certifications,
    quantityPerMonth: quantity === null ? null : { value: quantity, unit: v.quantityUnit },
    toleranceMm: decimal(v.toleranceMm),
    maxLeadTimeDays: v.maxLeadTimeDays.trim() === '' ? null : Number(v.maxLeadTimeDays),
    neededBy: v.neededBy || null,
    delivery: v.plant ? { plant: v.plant } : lat !== null && lon !== null ? { location: { latitude: lat, longitude: lon } } : null,
    maxDistanceKm: decimal(v.maxDistanceKm),
    targetPrice: min === null && max === null ? null : { min, max, currency: v.currency },
    visibility: v.visibility,
  };
}

export function valuesFromNeed(n: NeedForEditFragment): NeedValues {
  const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    title: n.title,
    description: n.description ?? '',
    processes: n.processes.map((t) => t.code),
    materials: n.materials.map((t) => t.code),
    certifications: n.certifications.map((t) => t.code),
    quantity: text(n.quantityPerMonth?.value),
    quantityUnit: n.quantityPerMonth?.unit ?? 'PCS',
    toleranceMm: text(n.toleranceMm),
    maxLeadTimeDays: text(n.maxLeadTimeDays),
    neededBy: n.neededBy ?? '',
    plant: n.delivery.plant ?? '',
    latitude: n.delivery.plant ? '' : text(n.delivery.location?.latitude),
    longitude: n.delivery.plant ? '' : text(n.delivery.location?.longitude),
    maxDistanceKm: text(n.maxDistanceKm),
    priceMin: text(n.targetPrice?.min),
    priceMax: text(n.targetPrice?.max),
    currency: n.targetPrice?.currency ?? 'VND',
    visibility: n.visibility,
  };
}

/** The API's field path (without `input.`) → the form field it belongs to. */
export function needFieldOf(apiField: string): keyof NeedValues | undefined {
  const head = apiField.replace(/^input\./, '');
  if (head.startsWith('quantityPerMonth')) return 'quantity';
  if (head.startsWith('targetPrice.min')) return 'priceMin';
  if (head.startsWith('targetPrice')) return 'priceMax';
  if (head.startsWith('delivery')) return head.includes('plant') ? 'plant' : 'latitude';
  const first = head.split('.')[0] as keyof NeedValues;
  return NEED_FIELDS.includes(first) ? first : undefined;
}
