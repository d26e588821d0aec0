import { describe, expect, it } from '@jest/globals';
import { Taxonomy } from '#libs/taxonomy';
import { understandQuery } from './query-understanding.js';

const taxonomy = Taxonomy.load();
const read = (query: string, literal = false) => understandQuery(taxonomy, query, literal);

describe('understandQuery', () => {
  it('a certification named in the query becomes a filter, not words to match', () => {
    expect(read('ép nhựa có ISO 14001')).toEqual({
      q: 'ép nhựa',
      processes: ['INJECTION_MOULDING'],
      certifications: ['ISO_14001'],
      zone: null,
      partProcesses: [],
      matchingStrategy: 'frequency',
    });
    expect(read('metal stamping IATF16949')).toMatchObject({ q: 'metal stamping', certifications: ['IATF_16949'] });
    expect(read('ISO 14001 인증 사출성형')).toMatchObject({ q: '사출성형', certifications: ['ISO_14001'] });
  });

  it('a zone named in the query becomes a location preference', () => {
    expect(read('dập kim loại KCN Đình Vũ')).toMatchObject({ q: 'dập kim loại', zone: 'DEEP_C_1', certifications: [] });
    expect(read('mạ điện gần Tân Liên')).toMatchObject({ q: 'mạ điện', zone: 'TAN_LIEN' });
    expect(read('wire harness near Dai An industrial park')).toMatchObject({ q: 'wire harness', zone: 'DAI_AN' });
  });

  it('reads a zone named in Japanese or Korean without the word for "industrial park", with or without a space', () => {
    expect(read('VSIP ハイフォン 射出成形')).toMatchObject({ q: '射出成形', zone: 'VSIP_HP' });
    expect(read('野村ハイフォン CNC加工')).toMatchObject({ q: 'CNC加工', zone: 'NOMURA_HP' });
    expect(read('チャンズエ 射出成形')).toMatchObject({ zone: 'TRANG_DUE' });
    expect(read('ディンヴー工業団地 プレス加工')).toMatchObject({ q: 'プレス加工', zone: 'DEEP_C_1' });
    expect(read('VSIP 하이퐁 사출성형')).toMatchObject({ q: '사출성형', zone: 'VSIP_HP' });
    expect(read('노무라 하이퐁 CNC 가공')).toMatchObject({ zone: 'NOMURA_HP' });
    // the longer name wins inside it ("남딘부" holds "딘부"); a two-syllable name is a word, not a place ("도선": a conductor)
    expect(read('남딘부 산업단지 CNC 가공')).toMatchObject({ zone: 'NAM_DINH_VU' });
    expect(read('도선 가공')).toMatchObject({ q: '도선 가공', zone: null });
  });

  it('a long query keeps the words that name a capability first, without request phrasing or numbers', () => {
    const u = read('Cần tìm xưởng gia công CNC nhôm 6061 làm vỏ hộp thiết bị điện tử, có ISO 9001, số lượng khoảng 5.000 chiếc mỗi tháng');
    expect(u.certifications).toEqual(['ISO_9001']);
    expect(u.q!.split(' ').slice(0, 5)).toEqual(['gia', 'công', 'CNC', 'nhôm', '6061']);
    expect(u.q!.split(' ').length).toBeLessThanOrEqual(10);
    expect(u.q).not.toMatch(/Cần|tìm|5\.000|chiếc/);
  });

  it('a query that begins with a process and goes on drops words from the end, never down to its rarest word', () => {
    // long: capability words first, the process first of all; Meilisearch keeps them longest
    const long = read(
      'we need a contract manufacturer for SMT and through-hole PCB assembly with conformal coating and functional testing',
    );
    expect(long.q!.split(' ')[0]).toBe('SMT');
    expect(long.matchingStrategy).toBe('last');
    // short: a process named in other words ("injection mold") goes first, the other words after it
    expect(read('injection mold maker')).toMatchObject({ q: 'injection mold maker', matchingStrategy: 'last' });
    expect(read('precision turning')).toMatchObject({ q: 'turning precision', matchingStrategy: 'last' });
    // only process words, or none: the most common words go first ("CNC" outweighs "gia công"); a typo is no process
    expect(read('gia công CNC')).toMatchObject({ q: 'gia công CNC', matchingStrategy: 'frequency' });
    expect(read('rubber extrusoin')).toMatchObject({ q: 'rubber extrusoin', matchingStrategy: 'frequency' });
  });

  it('short queries without certificate or place are searched as typed; literal turns reading off', () => {
    expect(read('stampng')).toEqual({
      q: 'stampng',
      processes: [],
      certifications: [],
      zone: null,
      partProcesses: [],
      matchingStrategy: 'frequency',
    });
    expect(read('ép nhựa có ISO 14001', true)).toEqual({
      q: 'ép nhựa có ISO 14001',
      processes: [],
      certifications: [],
      zone: null,
      partProcesses: [],
      matchingStrategy: 'frequency',
    });
    expect(read('   ')).toEqual({
      q: undefined,
      processes: [],
      certifications: [],
      zone: null,
      partProcesses: [],
      matchingStrategy: 'frequency',
    });
  });

  it('a part named without a process becomes the processes that make it (any one), and its words are not matched', () => {
    expect(read('heat sinks')).toEqual({
      q: undefined,
      processes: [],
      certifications: [],
      zone: null,
      partProcesses: ['DIE_CASTING', 'ALUMINIUM_EXTRUSION'],
      matchingStrategy: 'frequency',
    });
    expect(read('vo hop nhua ABS')).toMatchObject({ q: undefined, partProcesses: ['INJECTION_MOULDING'] });
    expect(read('브래킷')).toMatchObject({ q: undefined, partProcesses: ['STAMPING'] });
    // a process named (as a term) wins: the part's words are matched as written
    expect(read('dập kim loại giá đỡ thép')).toMatchObject({ q: 'dập kim loại giá đỡ thép', processes: ['STAMPING'], partProcesses: [] });
    expect(read('heat sinks', true)).toMatchObject({ q: 'heat sinks', partProcesses: [] });
  });

  it('reads "lõi thép" (a laminated core, as Vietnamese buyers name it) as the cores part, beside the steel it is made of', () => {
    for (const query of ['lõi thép silic', 'loi thep silic dong co', 'lõi thép máy biến áp', 'dập lõi thép stator', 'lõi tôn silic'])
      expect(read(query)).toMatchObject({ q: undefined, partProcesses: ['PROGRESSIVE_DIE_STAMPING'] });
    // the steel alone stays a material: its words are matched
    expect(read('thép silic')).toMatchObject({ q: 'thép silic', partProcesses: [] });
  });
});
