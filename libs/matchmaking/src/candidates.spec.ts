import { describe, expect, it } from '@jest/globals';
import { Taxonomy } from '#libs/taxonomy';
import { candidateFromProfile, capabilitiesInText, softRetrievalProcesses, taxonomyView } from './candidates.js';

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
