import { describe, expect, it } from '@jest/globals';
import { Taxonomy } from '#libs/taxonomy';
import { capabilitiesInText } from './candidates.js';

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
});
