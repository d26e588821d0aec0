import type { SearchSuppliersInput } from '../../gql/graphql.js';
import type { Lang } from '../../i18n/languages.js';

/**
 * The directory's whole search state, and its one mapping to and from the URL's query string, so a
 * link shares the search and the back button steps through it. Unknown or malformed parameters are
 * dropped, never passed to the API.
 */
export const SORTS = ['RELEVANCE', 'DISTANCE', 'CAPACITY', 'NEWEST'] as const;
export type Sort = (typeof SORTS)[number];
export type View = 'list' | 'map';

export interface SearchState {
  q: string;
  processes: string[];
  certifications: string[];
  zones: string[];
  sectors: string[];
  productGroups: string[];
  materials: string[];
  verifiedOnly: boolean;
  minEmployees?: number;
  /** Centre of a distance search: an industrial zone's code. */
  nearZone?: string;
  radiusKm: number;
  sort: Sort;
  page: number;
  view: View;
}

export const DEFAULT_RADIUS_KM = 20;

export const EMPTY_SEARCH: SearchState = {
  q: '',
  processes: [],
  certifications: [],
  zones: [],
  sectors: [],
  productGroups: [],
  materials: [],
  verifiedOnly: false,
  radiusKm: DEFAULT_RADIUS_KM,
  sort: 'RELEVANCE',
  page: 1,
  view: 'list',
};

/** The list filters and their URL parameter names. */
export const LIST_PARAMS = {
  processes: 'process',
  certifications: 'cert',
  zones: 'zone',
  sectors: 'sector',
  productGroups: 'group',
  materials: 'material',
} as const satisfies Partial<Record<keyof SearchState, string>>;
export type ListFilter = keyof typeof LIST_PARAMS;

const CODE = /^[A-Z0-9_]{1,64}$/;
const MAX_QUERY = 200;

function positiveInt(value: string | null, max: number): number | undefined {
  if (value === null || !/^\d{1,7}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

export function searchStateFromParams(params: URLSearchParams): SearchState {
  const state: SearchState = { ...EMPTY_SEARCH, q: (params.get('q') ?? '').slice(0, MAX_QUERY) };
  for (const [key, name] of Object.entries(LIST_PARAMS) as Array<[ListFilter, string]>) {
    state[key] = [...new Set(params.getAll(name).filter((code) => CODE.test(code)))];
  }
  state.verifiedOnly = params.get('verified') === '1';
  state.minEmployees = positiveInt(params.get('employees'), 100_000);
  const near = params.get('near');
  if (near && CODE.test(near)) state.nearZone = near;
  state.radiusKm = positiveInt(params.get('km'), 500) ?? DEFAULT_RADIUS_KM;
  const sort = params.get('sort');
  if ((SORTS as readonly string[]).includes(sort ?? '')) state.sort = sort as Sort;
  // Distance order needs a centre; without one it would be refused by the API.
  if (state.sort === 'DISTANCE' && !state.nearZone) state.sort = 'RELEVANCE';
  state.page = positiveInt(params.get('page'), 1000) ?? 1;
  state.view = params.get('view') === 'map' ? 'map' : 'list';
  return state;
}

/** The shortest query string for a state: defaults are left out. */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const [key, name] of Object.entries(LIST_PARAMS) as Array<[ListFilter, string]>) {
    for (const code of state[key]) params.append(name, code);
  }
  if (state.verifiedOnly) params.set('verified', '1');
  if (state.minEmployees) params.set('employees', String(state.minEmployees));
  if (state.nearZone) {
    params.set('near', state.nearZone);
    if (state.radiusKm !== DEFAULT_RADIUS_KM) params.set('km', String(state.radiusKm));
  }
  if (state.sort !== 'RELEVANCE') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.view !== 'list') params.set('view', state.view);
  return params;
}

/** A change of what is searched starts again at page 1; changing the page or the view does not. */
export function updateSearch(state: SearchState, change: Partial<SearchState>): SearchState {
  const next = { ...state, ...change };
  const keepsPage = Object.keys(change).every((key) => key === 'page' || key === 'view');
  if (!keepsPage) next.page = 1;
  if (next.sort === 'DISTANCE' && !next.nearZone) next.sort = 'RELEVANCE';
  return next;
}

export function toggleCode(state: SearchState, filter: ListFilter, code: string): SearchState {
  const current = state[filter];
  return updateSearch(state, { [filter]: current.includes(code) ? current.filter((c) => c !== code) : [...current, code] });
}

export const PAGE_SIZE = 20;

/** The API input for a state. */
export function searchInput(state: SearchState, lang: Lang): SearchSuppliersInput {
  return {
    query: state.q.trim() || undefined,
    processesAnyOf: state.processes.length ? state.processes : undefined,
    certifications: state.certifications.length ? state.certifications : undefined,
    zones: state.zones.length ? state.zones : undefined,
    sectors: state.sectors.length ? state.sectors : undefined,
    productGroups: state.productGroups.length ? state.productGroups : undefined,
    materials: state.materials.length ? state.materials : undefined,
    verifiedOnly: state.verifiedOnly || undefined,
    minEmployees: state.minEmployees,
    nearZone: state.nearZone ? { zone: state.nearZone, radiusKm: state.radiusKm } : undefined,
    sort: state.sort,
    page: state.page,
    hitsPerPage: PAGE_SIZE,
    lang,
    facets: ['processes', 'certifications', 'zone', 'sectors', 'productGroups', 'materials'],
  };
}
