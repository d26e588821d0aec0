import { describe, expect, it } from '@jest/globals';
import {
  conflictRows,
  defaultChoices,
  drafts,
  EMPTY_CERTIFICATE,
  EMPTY_PROFILE,
  mergeConflict,
  stepOfField,
  toSupplierInput,
  validateStep,
  valuesFromSupplier,
  type ProfileValues,
} from './profile-form.js';

const filled: ProfileValues = {
  ...EMPTY_PROFILE,
  nameVi: 'Công ty TNHH Cơ khí Đình Vũ',
  taxCode: '0100109106',
  processes: ['CNC_MILLING'],
  certifications: [{ ...EMPTY_CERTIFICATE, code: 'ISO_9001', validFrom: '2025-01-01', validUntil: '2028-01-01' }],
  equipment: [{ kind: 'CNC_LATHE', count: '3', maker: 'Mazak', model: '' }],
  capacityValue: '12000',
  exportMarkets: 'jp, kr',
  languages: 'vi en',
  contactEmail: 'sales@dinhvu.vn',
};

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('supplier form steps', () => {
  it('holds the member on the company step until name and a valid tax code are given', () => {
    expect(validateStep('company', EMPTY_PROFILE)).toEqual([
      { field: 'nameVi', key: 'required' },
      { field: 'taxCode', key: 'required' },
    ]);
    expect(validateStep('company', { ...filled, taxCode: '0100233480' })).toEqual([{ field: 'taxCode', key: 'taxCode' }]);
    expect(validateStep('company', { ...filled, taxCode: '01001' })).toEqual([{ field: 'taxCode', key: 'taxCode' }]);
    expect(validateStep('company', filled)).toEqual([]);
  });

  it('checks years, numbers and addresses the way the API will', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    expect(validateStep('company', { ...filled, foundedYear: '2027' }, now)).toEqual([{ field: 'foundedYear', key: 'year' }]);
    expect(validateStep('company', { ...filled, employees: '40 người' }, now)).toEqual([{ field: 'employees', key: 'number' }]);
    expect(validateStep('company', { ...filled, website: 'dinhvu.vn' }, now)).toEqual([{ field: 'website', key: 'url' }]);
    expect(validateStep('terms', { ...filled, leadTimeDays: '900', exportMarkets: 'Japan' })).toEqual([
      { field: 'leadTimeDays', key: 'leadTime' },
      { field: 'exportMarkets', key: 'countryCodes' },
    ]);
    expect(validateStep('contacts', { ...filled, contactEmail: 'not-an-email' })).toEqual([{ field: 'contact.email', key: 'email' }]);
  });

  it('asks for at least one process and a code and ordered dates on each certificate', () => {
    expect(validateStep('capabilities', { ...filled, processes: [] })).toEqual([{ field: 'processes', key: 'required' }]);
    const certs = [{ ...EMPTY_CERTIFICATE }, { ...EMPTY_CERTIFICATE, code: 'ISO_9001', validFrom: '2025-05-01', validUntil: '2024-05-01' }];
    expect(validateStep('certificates', { ...filled, certifications: certs })).toEqual([
      { field: 'certifications.0.code', key: 'required' },
      { field: 'certifications.1.validUntil', key: 'dateOrder' },
    ]);
    expect(validateStep('equipment', { ...filled, equipment: [{ kind: '', count: '0', maker: '', model: '' }] })).toEqual([
      { field: 'equipment.0.kind', key: 'required' },
      { field: 'equipment.0.count', key: 'number' },
    ]);
  });

  it('opens the step an API field error belongs to', () => {
    expect(stepOfField('taxCode')).toBe('company');
    expect(stepOfField('zoneCode')).toBe('location');
    expect(stepOfField('processes.1')).toBe('capabilities');
    expect(stepOfField('certifications.0.validUntil')).toBe('certificates');
    expect(stepOfField('equipment.0.count')).toBe('equipment');
    expect(stepOfField('monthlyCapacity.value')).toBe('terms');
    expect(stepOfField('contact.email')).toBe('contacts');
  });

  it('builds the API input from what was typed and reads it back unchanged', () => {
    const input = toSupplierInput(filled);
    expect(input).toMatchObject({
      taxCode: '0100109106',
      employees: null,
      monthlyCapacity: { value: 12000, unit: 'PCS' },
      exportMarkets: ['JP', 'KR'],
      languages: ['vi', 'en'],
      equipment: [{ kind: 'CNC_LATHE', count: 3, maker: 'Mazak', model: null }],
      contact: { name: null, email: 'sales@dinhvu.vn', phone: null },
    });
    const saved = {
      ...input,
      zone: null,
      processes: input.processes.map((code) => ({ code })),
      materials: [],
      productGroups: [],
    };
    expect(valuesFromSupplier(saved)).toEqual({ ...filled, exportMarkets: 'JP, KR', languages: 'vi, en' });
  });
});

describe('supplier form drafts', () => {
  it('keeps what was typed across a reload, per supplier, and forgets it once saved', () => {
    const store = new MemoryStorage();
    drafts.save('s1', { values: filled, baseVersion: 3, base: EMPTY_PROFILE, step: 'terms' }, store, new Date('2026-12-02T10:00:00Z'));
    expect(drafts.load('s1', store)).toEqual({
      values: filled,
      baseVersion: 3,
      base: EMPTY_PROFILE,
      step: 'terms',
      savedAt: '2026-12-02T10:00:00.000Z',
    });
    expect(drafts.load(null, store)).toBeNull();
    drafts.clear('s1', store);
    expect(drafts.load('s1', store)).toBeNull();
  });

  it('reads an older draft with missing fields and ignores a corrupt one', () => {
    const store = new MemoryStorage();
    store.setItem('hp.supplier-draft.new', JSON.stringify({ values: { nameVi: 'Cơ khí An Dương' }, step: 'nowhere' }));
    const draft = drafts.load(null, store)!;
    expect(draft.values).toEqual({ ...EMPTY_PROFILE, nameVi: 'Cơ khí An Dương' });
    expect(draft.step).toBe('company');
    store.setItem('hp.supplier-draft.new', '{not json');
    expect(drafts.load(null, store)).toBeNull();
  });

  it('stores only the form: no token-like keys', () => {
    const store = new MemoryStorage();
    drafts.save(null, { values: filled, baseVersion: null, base: null, step: 'company' }, store);
    expect([...store.items.keys()]).toEqual(['hp.supplier-draft.new']);
    expect(Object.keys(JSON.parse(store.items.get('hp.supplier-draft.new')!) as object).sort()).toEqual([
      'base',
      'baseVersion',
      'savedAt',
      'step',
      'values',
    ]);
  });
});

describe('supplier form conflicts', () => {
  const base = filled;
  const mine = { ...filled, employees: '45', descriptionVi: 'Gia công CNC chính xác' };
  const theirs = { ...filled, employees: '50', contactPhone: '+84 225 3000 000' };

  it('lists each differing field and who changed it', () => {
    expect(conflictRows(base, mine, theirs)).toEqual([
      { field: 'employees', mine: '45', theirs: '50', changedByMe: true },
      { field: 'descriptionVi', mine: 'Gia công CNC chính xác', theirs: '', changedByMe: true },
      { field: 'contactPhone', mine: '', theirs: '+84 225 3000 000', changedByMe: false },
    ]);
  });

  it('keeps everything the member typed and takes what only the other side changed, by default', () => {
    const rows = conflictRows(base, mine, theirs);
    const merged = mergeConflict(mine, theirs, defaultChoices(rows));
    expect(merged).toEqual({ ...filled, employees: '45', descriptionVi: 'Gia công CNC chính xác', contactPhone: '+84 225 3000 000' });
  });

  it('takes the other version field by field when asked, and keeps the member’s for the rest', () => {
    const merged = mergeConflict(mine, theirs, { employees: 'theirs', descriptionVi: 'mine', contactPhone: 'theirs' });
    expect(merged).toMatchObject({ employees: '50', descriptionVi: 'Gia công CNC chính xác', contactPhone: '+84 225 3000 000' });
  });

  it('treats every difference as the member’s when the base is unknown', () => {
    expect(conflictRows(null, mine, theirs).every((row) => row.changedByMe)).toBe(true);
  });
});
