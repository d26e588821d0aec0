import { describe, expect, it } from '@jest/globals';
import { coarsePoint, DISTANCE_BANDS_KM, distanceBand, haversineKm, scoreCandidate, unmetHardRequirements } from '../index.js';
import { bracketNeed, capableSupplier, fakeTaxonomy, matchContext, needWith, supplierWith, TODAY } from './fixtures.js';

/** A need whose buyer the caller may not know (ANONYMOUS, not revealed): nothing may locate its plant or name its buyer. */
describe("a hidden buyer's need", () => {
  const plant = { lat: 20.9651, lng: 106.6123 };
  const supplier = supplierWith({ location: { lat: 20.8574, lng: 106.5716 }, languages: ['ko'] });
  const hidden = (delivery: { lat: number; lng: number }, languages: string[] = ['ko']) =>
    needWith({ delivery, languages, buyerHidden: true, maxDistanceKm: null });

  it('measures from the centre of the 0.1° cell holding the plant, the same for every point of the cell', () => {
    expect(coarsePoint(plant)).toEqual({ lat: 20.95, lng: 106.65 });
    expect(coarsePoint({ lat: 20.9001, lng: 106.6999 })).toEqual({ lat: 20.95, lng: 106.65 });
    expect(coarsePoint({ lat: -0.05, lng: 0.05 })).toEqual({ lat: -0.05, lng: 0.05 });
  });

  it('tells distance in documented bands', () => {
    expect(DISTANCE_BANDS_KM).toEqual([0, 10, 20, 30, 50, 100]);
    expect([0, 9.99, 10, 29.9, 30, 99, 100, 740].map((km) => distanceBand(km))).toEqual([
      { from: 0, to: 10 },
      { from: 0, to: 10 },
      { from: 10, to: 20 },
      { from: 20, to: 30 },
      { from: 30, to: 50 },
      { from: 50, to: 100 },
      { from: 100, to: null },
      { from: 100, to: null },
    ]);
  });

  it("scores (at the band's middle: 15 km) and explains the same wherever the plant is in its cell, and says the distance is approximate", () => {
    const a = scoreCandidate(hidden(plant), supplier, matchContext());
    const b = scoreCandidate(hidden({ lat: 20.9664, lng: 106.6123 }), supplier, matchContext());
    expect(haversineKm(plant, supplier.location!)).not.toBeCloseTo(haversineKm({ lat: 20.9664, lng: 106.6123 }, supplier.location!), 1);
    expect(b).toEqual(a);
    expect(a.criteria.find((c) => c.key === 'distance')).toEqual({
      key: 'distance',
      weight: 0.08,
      score: 0.9444,
      explanation: '10–20 km from the delivery area (approximate: the buyer is not shown)',
      unmet: false,
    });
    expect(
      scoreCandidate(hidden(plant), supplier, matchContext({ lang: 'vi' })).criteria.find((c) => c.key === 'distance')!.explanation,
    ).toBe('cách khu vực nhận hàng 10–20 km (ước lượng: bên mua được ẩn danh)');
  });

  it('judges a distance limit by the band, in the score, the explanation and the hard requirements alike', () => {
    const need = { ...hidden(plant), maxDistanceKm: 12 };
    const match = scoreCandidate(need, supplier, matchContext());
    expect(match.missing).toEqual(['10–20 km from the delivery area (approximate: the buyer is not shown), beyond the 12 km limit']);
    expect(unmetHardRequirements(need, supplier, fakeTaxonomy, TODAY)).toEqual([{ kind: 'DISTANCE', code: null }]);
    expect(unmetHardRequirements({ ...need, maxDistanceKm: 16 }, supplier, fakeTaxonomy, TODAY)).toEqual([]);
  });

  it("leaves the buyer's languages out, so which buyer posted it changes nothing", () => {
    const korean = scoreCandidate(hidden(plant, ['ko']), supplier, matchContext());
    const japanese = scoreCandidate(hidden(plant, ['ja']), supplier, matchContext());
    expect(japanese).toEqual(korean);
    expect(korean.criteria.find((c) => c.key === 'languages')).toMatchObject({
      score: 0.5,
      explanation: 'the buyer is not shown, nor its working languages',
    });
  });

  it('keeps exact distances and languages when the buyer is shown', () => {
    const shown = scoreCandidate(needWith({ delivery: plant, languages: ['ja'], maxDistanceKm: null }), supplier, matchContext());
    expect(shown.criteria.find((c) => c.key === 'distance')!.explanation).toMatch(/^12\.\d km from the delivery plant$/);
    expect(shown.criteria.find((c) => c.key === 'languages')!.score).toBe(0.3);
    expect(scoreCandidate(bracketNeed, capableSupplier, matchContext())).toEqual(
      scoreCandidate({ ...bracketNeed, buyerHidden: false }, capableSupplier, matchContext()),
    );
  });
});
