import { describe, expect, it } from '@jest/globals';
import { Taxonomy } from '#libs/taxonomy';
import { haversineKm } from '#libs/matching';
import {
  candidateFromProfile,
  capabilitiesInText,
  needQuery,
  reachBox,
  softRetrievalProcesses,
  taxonomyView,
  withinDisk,
} from './candidates.js';
import type { SourcingNeedEntity } from '#libs/sourcing';

const taxonomy = Taxonomy.load();
const read = (title: string, description = '') => capabilitiesInText(taxonomy, { title, description });

describe('capabilitiesInText: what matching takes from a need written as text', () => {
  it('a process named explicitly is required; a part named beside it that it makes changes nothing', () => {
    expect(read('Dập kim loại giá đỡ SPCC')).toMatchObject({ processes: ['STAMPING'], weakProcesses: [], partProcesses: [['STAMPING']] });
  });

  it('a part made by none of the processes named makes them weak (a secondary step is not the job)', () => {
    // heat sinks are cast or extruded; drilling and tapping is the finishing step
    expect(read('Tản nhiệt nhôm ADC12', 'có khoan taro lỗ bắt vít')).toMatchObject({
      processes: [],
      weakProcesses: ['DRILLING_TAPPING'],
      partProcesses: [['DIE_CASTING', 'ALUMINIUM_EXTRUSION']],
      materials: ['ADC12'],
    });
    // an ancestor or a descendant of the part's process counts as making it
    expect(read('Heat sinks, die casting')).toMatchObject({ processes: ['DIE_CASTING'], weakProcesses: [] });
    expect(read('PCBA modules, electronics assembly (EMS)')).toMatchObject({ processes: ['ELECTRONICS_ASSEMBLY'], weakProcesses: [] });
  });

  it('sheet metal named as what a part is made of asks for the part, fabricated or stamped, in every language', () => {
    const sheetMetalPart = { processes: [], weakProcesses: [], partProcesses: [['SHEET_METAL_FABRICATION', 'STAMPING']] };
    expect(read('Sheet-metal rear covers for printers', 'about 40,000 sets a month')).toMatchObject(sheetMetalPart);
    expect(read('Chi tiết kim loại tấm cho tủ điện')).toMatchObject(sheetMetalPart);
    expect(read('板金部品', '月産5万個')).toMatchObject(sheetMetalPart);
    expect(read('판금 부품', '월 5만 개')).toMatchObject(sheetMetalPart);
    // the process named as a process stays required; so does one named apart from the part's words
    expect(read('Sheet metal fabrication of SECC covers')).toMatchObject({ processes: ['SHEET_METAL_FABRICATION'], partProcesses: [] });
    expect(read('Sheet-metal covers', 'sheet metal work: laser cutting and bending in house')).toMatchObject({
      processes: ['SHEET_METAL_FABRICATION', 'LASER_CUTTING', 'PRESS_BRAKE_BENDING'],
    });
    // a part one process makes keeps that process required when the same words name both
    expect(read('Stamped parts for motorbikes')).toMatchObject({ processes: ['STAMPING'], partProcesses: [['STAMPING']] });
  });

  it('a step the supplier may subcontract is neither required nor preferred', () => {
    expect(read('黄銅端子のプレス加工', '月産30万個。錫めっきは外注可。')).toMatchObject({ processes: ['STAMPING'], weakProcesses: [] });
    expect(read('Dập vỏ hộp điều khiển', 'bằng thép SPCC, mạ kẽm có thể thuê ngoài')).toMatchObject({
      processes: [],
      weakProcesses: ['STAMPING'],
    });
    // without the clause the plating is asked for too
    expect(read('黄銅端子のプレス加工', '月産30万個。錫めっき。')).toMatchObject({ processes: ['STAMPING', 'PRECIOUS_METAL_PLATING'] });
  });
});

describe("needQuery: the need's words Meilisearch reads", () => {
  const query = (title: string, description: string | null = null) => needQuery({ title, description } as SourcingNeedEntity);

  it('asks each word once, title first, case and diacritics aside, and no more than ten', () => {
    expect(query('Dập liên hoàn giá đỡ SPCC', 'Dập liên hoàn giá đỡ thép SPCC cho khung máy in đa năng')).toBe(
      'Dập liên hoàn giá đỡ SPCC thép cho khung máy',
    );
    expect(query('Vỏ nhôm', 'VO NHOM phay CNC')).toBe('Vỏ nhôm phay CNC');
  });

  it('counts a Japanese sentence written without spaces as its words', () => {
    expect(query('黄銅端子のプレス加工')).toBe('黄銅 端子 プレス 加工');
  });

  it('leaves out numbers, sizes and one-letter words; keeps grades and part numbers', () => {
    expect(query('Bracket in SPCC 1.2 mm', '150.000 pcs/month, ±0,05 mm, AL6061-T6 and C2680 – a plan')).toBe(
      'Bracket in SPCC mm pcs month AL6061 T6 and C2680',
    );
    // never empty: an empty query would match every supplier
    expect(query('12345 / 2026')).toBe('12345 / 2026');
  });
});

describe('softRetrievalProcesses: what a text-only need retrieves by, never filters on', () => {
  it("adds a part's process's parent (a general stamper makes laminations), never a top-level group", () => {
    expect(softRetrievalProcesses(taxonomy, read('Stator laminations for e-drive motors'))).toEqual([
      'PROGRESSIVE_DIE_STAMPING',
      'STAMPING',
    ]);
    // brackets are stamped; stamping's parent is the top-level metal forming group: not added
    expect(softRetrievalProcesses(taxonomy, read('Giá đỡ thép'))).toEqual(['STAMPING']);
    // a weak process stays as read
    expect(softRetrievalProcesses(taxonomy, { weakProcesses: ['CNC_MILLING'], partProcesses: [] })).toEqual(['CNC_MILLING']);
  });
});

describe("machine size: from the need text to the engine, and from a profile's equipment", () => {
  it('reads the size asked (soft: it is no field of the form) and leaves it out below the fill confidence', () => {
    expect(read('TV 후면 커버 사출', '450톤 이상 대형 사출기 보유 업체, 월 2만 개').machineSize).toEqual({ tonnes: 450, kind: 'CLAMP' });
    expect(read('Dập giá đỡ', 'máy dập từ 400 tấn trở lên').machineSize).toEqual({ tonnes: 400, kind: 'PRESS' });
    expect(read('Kết cấu thép 20 tấn/tháng').machineSize).toBeNull();
  });

  it('takes the largest press and clamping force a profile lists (a compact hit carries only the sizes)', () => {
    const profile = { nameVi: 'X', verificationStatus: 'VERIFIED' as const, updatedAt: '2026-11-01T00:00:00.000Z' };
    const withEquipment = (equipment: { pressTonnage?: number | null; clampForceTonnes?: number | null }[]) =>
      candidateFromProfile('s', { ...profile, equipment }, null).machines;
    expect(withEquipment([{ pressTonnage: 250 }, { pressTonnage: 600 }, {}, { clampForceTonnes: null }])).toEqual({
      pressTonnes: 600,
      clampTonnes: null,
    });
    expect(withEquipment([{ clampForceTonnes: 850, pressTonnage: null }])).toEqual({ pressTonnes: null, clampTonnes: 850 });
    expect(withEquipment([])).toBeNull();
    expect(candidateFromProfile('s', profile, null).machines).toBeNull();
  });
});

describe('taxonomyView: the real taxonomy as the engine sees it', () => {
  it('says which material families machining and moulding shops buy per order, and none for stamping', () => {
    const view = taxonomyView(taxonomy);
    expect(view.stockBoughtPerOrder?.('MACHINING')).toEqual(
      expect.arrayContaining(['ALUMINIUM', 'STAINLESS_STEEL', 'STEEL', 'COPPER_ALLOY']),
    );
    expect(view.stockBoughtPerOrder?.('PLASTIC_MOULDING')).toEqual(['ENGINEERING_PLASTIC', 'COMMODITY_PLASTIC']);
    expect(view.stockBoughtPerOrder?.('STAMPING')).toEqual([]);
    expect(view.stockBoughtPerOrder?.('CNC_MILLING')).toEqual([]); // the engine walks up to the family
  });
});

describe('a distance limit as a box, cut at the limit by the service', () => {
  const dinhVu = { lat: 20.8236, lng: 106.7586 };
  const corners = (box: string) => {
    const [top, right, bottom, left] = box.match(/-?\d+(\.\d+)?/g)!.map(Number);
    return { top, right, bottom, left };
  };
  /** A point `metres` from `from` on `bearing` degrees (spherical, as the engine measures). */
  const along = (from: { lat: number; lng: number }, metres: number, bearing: number) => {
    const rad = Math.PI / 180;
    const d = metres / 6371008.8;
    const lat = Math.asin(Math.sin(from.lat * rad) * Math.cos(d) + Math.cos(from.lat * rad) * Math.sin(d) * Math.cos(bearing * rad));
    const lng =
      from.lng * rad +
      Math.atan2(Math.sin(bearing * rad) * Math.sin(d) * Math.cos(from.lat * rad), Math.cos(d) - Math.sin(from.lat * rad) * Math.sin(lat));
    return { lat: lat / rad, lng: lng / rad };
  };

  it('the box holds every point within the limit, and not much more', () => {
    for (const [centre, reach] of [
      [dinhVu, 25_000],
      [{ lat: 10.8, lng: 106.6 }, 150_000],
      [{ lat: -45, lng: 170 }, 300_000],
    ] as const) {
      const box = corners(reachBox(centre, reach)!);
      for (let bearing = 0; bearing < 360; bearing += 5) {
        const p = along(centre, reach, bearing);
        expect(p.lat).toBeLessThan(box.top);
        expect(p.lat).toBeGreaterThan(box.bottom);
        expect(p.lng).toBeLessThan(box.right);
        expect(p.lng).toBeGreaterThan(box.left);
      }
      // due north, 3 % past the limit, lies outside it; due east (the box is as wide as the limit at its
      // edge nearer the pole), 3 % past it at Vietnam's latitudes
      expect(along(centre, reach * 1.03, 0).lat).toBeGreaterThan(box.top);
      if (Math.abs(centre.lat) < 25) expect(along(centre, reach * 1.03, 90).lng).toBeGreaterThan(box.right);
    }
    // near a pole or across the 180th meridian a box is no simple box: the caller keeps `_geoRadius`
    expect(reachBox({ lat: 88.5, lng: 0 }, 100_000)).toBeNull();
    expect(reachBox({ lat: 0, lng: 179.9 }, 50_000)).toBeNull();
  });

  it('keeps the first hits within the limit in their order, and gives up where the hits cannot tell', () => {
    const reach = 10_000;
    const at = (id: string, metres: number, bearing = 45) => ({ id, _geo: along(dinhVu, metres, bearing) });
    const hits = [at('a', 2_000), at('out', 12_000), at('b', 9_000, 200), at('c', 500), at('d', 9_990, 300)];
    expect(hits.map((h) => Math.round(haversineKm(dinhVu, h._geo) * 1000))).toEqual([2000, 12000, 9000, 500, 9990]);
    // the page was not full: the box held no more
    expect(withinDisk(hits, dinhVu, reach, 60, 90)!.map((h) => h.id)).toEqual(['a', 'b', 'c', 'd']);
    // enough kept before the page ends: the rest is not needed
    expect(withinDisk(hits, dinhVu, reach, 2, 5)!.map((h) => h.id)).toEqual(['a', 'b']);
    // a full page with fewer than asked within the limit: the box may hold more
    expect(withinDisk(hits, dinhVu, reach, 60, 5)).toBeNull();
    // a hit on the limit's edge (within 5 m): Meilisearch's sums could put it on either side
    expect(withinDisk([...hits, at('edge', 10_004)], dinhVu, reach, 60, 90)).toBeNull();
    expect(withinDisk([...hits, at('edge', 9_996)], dinhVu, reach, 60, 90)).toBeNull();
    // a hit without a position is never within a limit
    expect(withinDisk([{ id: 'nowhere', _geo: null }, ...hits], dinhVu, reach, 60, 90)!.map((h) => h.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
