import { describe, expect, it } from '@jest/globals';
import { distanceKm, weightsInput, DEFAULT_WEIGHTS } from './match-weights.js';
import { EMPTY_NEED, needFieldOf, toNeedInput, validateNeed, type NeedValues } from './need-form.js';

const need: NeedValues = {
  ...EMPTY_NEED,
  title: 'Giá đỡ SPCC dập',
  quantity: '20000',
  toleranceMm: '0,05',
  maxLeadTimeDays: '21',
  priceMin: '1200',
  priceMax: '1500',
  plant: 'Tràng Duệ plant',
  visibility: 'ANONYMOUS',
};

describe('the need form', () => {
  it('checks before sending: a title, numbers, a price range in order, a point with both coordinates', () => {
    expect(validateNeed(need)).toEqual([]);
    expect(validateNeed({ ...EMPTY_NEED, title: 'x' })).toEqual([{ field: 'title', key: 'required' }]);
    expect(validateNeed({ ...need, quantity: 'nhiều', maxLeadTimeDays: '2.5' }).map((p) => p.field)).toEqual([
      'quantity',
      'maxLeadTimeDays',
    ]);
    expect(validateNeed({ ...need, priceMin: '1500', priceMax: '1200' })).toEqual([{ field: 'priceMax', key: 'priceOrder' }]);
    expect(validateNeed({ ...need, plant: '', latitude: '20.8', longitude: '' })).toEqual([{ field: 'latitude', key: 'location' }]);
  });

  it('sends decimals with a comma as numbers, empty fields as null, and the plant or the point', () => {
    const input = toNeedInput(need);
    expect(input).toMatchObject({
      title: 'Giá đỡ SPCC dập',
      quantityPerMonth: { value: 20000, unit: 'PCS' },
      toleranceMm: 0.05,
      maxLeadTimeDays: 21,
      delivery: { plant: 'Tràng Duệ plant' },
      targetPrice: { min: 1200, max: 1500, currency: 'VND' },
      maxDistanceKm: null,
      visibility: 'ANONYMOUS',
    });
    expect(toNeedInput({ ...need, plant: '', latitude: '20.86', longitude: '106.68' }).delivery).toEqual({
      location: { latitude: 20.86, longitude: 106.68 },
    });
    expect(toNeedInput({ ...need, priceMin: '', priceMax: '' }).targetPrice).toBeNull();
  });

  it("puts the API's field errors on the form field they concern", () => {
    expect(needFieldOf('input.targetPrice.max')).toBe('priceMax');
    expect(needFieldOf('input.quantityPerMonth.value')).toBe('quantity');
    expect(needFieldOf('input.processes.0')).toBe('processes');
    expect(needFieldOf('input.delivery.plant')).toBe('plant');
  });
});

describe('the match weights', () => {
  it("sends nothing while they are the API's defaults, every weight once one moved", () => {
    expect(weightsInput(DEFAULT_WEIGHTS)).toBeNull();
    expect(weightsInput({ ...DEFAULT_WEIGHTS, distance: 100 })).toEqual({ ...DEFAULT_WEIGHTS, distance: 100 });
  });

  it('measures great-circle distances', () => {
    // Hải Phòng's Opera House to Tràng Duệ, about 19 km
    expect(distanceKm({ latitude: 20.8585, longitude: 106.6837 }, { latitude: 20.79, longitude: 106.52 })).toBeCloseTo(18.6, 0);
  });
});
