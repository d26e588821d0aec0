import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_SEARCH,
  searchInput,
  searchStateFromParams,
  searchStateToParams,
  toggleCode,
  updateSearch,
  type SearchState,
} from './search-state.js';

const roundTrip = (state: SearchState) => searchStateFromParams(new URLSearchParams(searchStateToParams(state).toString()));

describe('search state ↔ URL', () => {
  it('leaves defaults out of the URL', () => {
    expect(searchStateToParams(EMPTY_SEARCH).toString()).toBe('');
  });

  it('round-trips every field through the query string', () => {
    const state: SearchState = {
      q: 'gia công cơ khí',
      processes: ['CNC_MILLING', 'CNC_TURNING'],
      certifications: ['IATF_16949'],
      zones: ['DAI_AN'],
      sectors: ['AUTOMOTIVE'],
      productGroups: ['MECHANICAL_PARTS'],
      materials: ['ALUMINIUM'],
      verifiedOnly: true,
      minEmployees: 50,
      nearZone: 'VSIP_HP',
      radiusKm: 10,
      sort: 'DISTANCE',
      page: 3,
      view: 'map',
    };
    expect(roundTrip(state)).toEqual(state);
    expect(searchStateToParams(state).toString()).toBe(
      'q=gia+c%C3%B4ng+c%C6%A1+kh%C3%AD&process=CNC_MILLING&process=CNC_TURNING&cert=IATF_16949&zone=DAI_AN&sector=AUTOMOTIVE&group=MECHANICAL_PARTS&material=ALUMINIUM&verified=1&employees=50&near=VSIP_HP&km=10&sort=DISTANCE&page=3&view=map',
    );
  });

  it('drops malformed or hostile parameters instead of passing them to the API', () => {
    const state = searchStateFromParams(
      new URLSearchParams('process=cnc") OR 1&process=CNC_MILLING&page=-2&employees=abc&sort=CHEAPEST&view=grid&km=99999&near=x y'),
    );
    expect(state).toEqual({ ...EMPTY_SEARCH, processes: ['CNC_MILLING'] });
  });

  it('falls back from distance order when there is no centre', () => {
    expect(searchStateFromParams(new URLSearchParams('sort=DISTANCE')).sort).toBe('RELEVANCE');
    expect(updateSearch({ ...EMPTY_SEARCH, nearZone: 'DAI_AN', sort: 'DISTANCE' }, { nearZone: undefined }).sort).toBe('RELEVANCE');
  });

  it('goes back to page 1 when what is searched changes, not when the page or view does', () => {
    const onPage3 = { ...EMPTY_SEARCH, page: 3 };
    expect(updateSearch(onPage3, { q: 'ep nhua' }).page).toBe(1);
    expect(toggleCode(onPage3, 'processes', 'CNC_MILLING').page).toBe(1);
    expect(updateSearch(onPage3, { view: 'map' }).page).toBe(3);
    expect(updateSearch(onPage3, { page: 4 }).page).toBe(4);
  });

  it('toggles a filter code on and off', () => {
    const on = toggleCode(EMPTY_SEARCH, 'certifications', 'ISO_9001');
    expect(on.certifications).toEqual(['ISO_9001']);
    expect(toggleCode(on, 'certifications', 'ISO_9001').certifications).toEqual([]);
  });

  it('builds the API input: empty filters omitted, the zone centre with its radius', () => {
    const input = searchInput({ ...EMPTY_SEARCH, q: '  ', nearZone: 'DAI_AN', radiusKm: 5, processes: ['SMT_ASSEMBLY'] }, 'ja');
    expect(input).toMatchObject({
      query: undefined,
      processesAnyOf: ['SMT_ASSEMBLY'],
      certifications: undefined,
      nearZone: { zone: 'DAI_AN', radiusKm: 5 },
      lang: 'ja',
      page: 1,
    });
  });
});
