import {
  conflictRows as genericConflictRows,
  defaultChoices,
  mergeConflict as genericMergeConflict,
  sameValue,
  type Choice,
  type ConflictRow as GenericConflictRow,
} from '../../lib/form-versions.js';
import { taxCodeFeedback } from './tax-code.js';

/**
 * The supplier form's state and rules, kept apart from the components so they can be tested alone:
 * the values as typed (strings, so nothing the member writes is lost to parsing), the steps and what
 * each requires, the API input built from them, the draft kept in localStorage, and the comparison
 * of two versions after a CONFLICT.
 */
export interface CertificateValues {
  code: string;
  certificateNumber: string;
  issuingBody: string;
  validFrom: string;
  validUntil: string;
}

export interface EquipmentValues {
  kind: string;
  count: string;
  maker: string;
  model: string;
}

export interface ProfileValues {
  nameVi: string;
  tradeNameEn: string;
  taxCode: string;
  foundedYear: string;
  employees: string;
  website: string;
  descriptionVi: string;
  descriptionEn: string;
  zoneCode: string;
  street: string;
  ward: string;
  province: string;
  processes: string[];
  materials: string[];
  productGroups: string[];
  certifications: CertificateValues[];
  equipment: EquipmentValues[];
  capacityValue: string;
  capacityUnit: string;
  minimumOrderQuantity: string;
  leadTimeDays: string;
  bestToleranceMm: string;
  exportMarkets: string;
  languages: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export const EMPTY_PROFILE: ProfileValues = {
  nameVi: '',
  tradeNameEn: '',
  taxCode: '',
  foundedYear: '',
  employees: '',
  website: '',
  descriptionVi: '',
  descriptionEn: '',
  zoneCode: '',
  street: '',
  ward: '',
  province: '',
  processes: [],
  materials: [],
  productGroups: [],
  certifications: [],
  equipment: [],
  capacityValue: '',
  capacityUnit: 'PCS',
  minimumOrderQuantity: '',
  leadTimeDays: '',
  bestToleranceMm: '',
  exportMarkets: '',
  languages: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

export const EMPTY_CERTIFICATE: CertificateValues = { code: '', certificateNumber: '', issuingBody: '', validFrom: '', validUntil: '' };
export const EMPTY_EQUIPMENT: EquipmentValues = { kind: '', count: '1', maker: '', model: '' };

export const STEPS = ['company', 'location', 'capabilities', 'certificates', 'equipment', 'terms', 'contacts'] as const;
export type Step = (typeof STEPS)[number];

/** The step each field (as the API names it, without `input.`) is edited on: API errors open that step. */
export function stepOfField(field: string): Step {
  const head = field.split('.')[0] ?? '';
  if (['zoneCode', 'address', 'location'].includes(head)) return 'location';
  if (['processes', 'materials', 'productGroups', 'sectors'].includes(head)) return 'capabilities';
  if (head === 'certifications') return 'certificates';
  if (head === 'equipment') return 'equipment';
  if (['monthlyCapacity', 'minimumOrderQuantity', 'leadTimeDays', 'bestToleranceMm', 'exportMarkets', 'languages'].includes(head))
    return 'terms';
  if (head === 'contact') return 'contacts';
  return 'company';
}

/** A problem the form finds before sending; `key` is a message under `sme.check.` in the locale files. */
export interface FormProblem {
  field: string;
  key: 'required' | 'taxCode' | 'number' | 'year' | 'email' | 'url' | 'date' | 'dateOrder' | 'leadTime' | 'countryCodes' | 'languageCodes';
}

const INTEGER = /^\d+$/;
const DECIMAL = /^\d+([.,]\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A list of codes as the form keeps it ("JP, KR"), one code each. */
export function splitCodes(list: string): string[] {
  return list
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** What stops the member from leaving `step` (empty for a step that is fine). */
export function validateStep(step: Step, v: ProfileValues, now = new Date()): FormProblem[] {
  const problems: FormProblem[] = [];
  const needNumber = (field: string, value: string, pattern = INTEGER) => {
    if (value.trim() !== '' && !pattern.test(value.trim())) problems.push({ field, key: 'number' });
  };
  switch (step) {
    case 'company': {
      if (!v.nameVi.trim()) problems.push({ field: 'nameVi', key: 'required' });
      const tax = taxCodeFeedback(v.taxCode);
      if (tax.state === 'empty') problems.push({ field: 'taxCode', key: 'required' });
      else if (tax.state !== 'valid') problems.push({ field: 'taxCode', key: 'taxCode' });
      const year = v.foundedYear.trim();
      if (year && (!INTEGER.test(year) || Number(year) < 1900 || Number(year) > now.getFullYear()))
        problems.push({ field: 'foundedYear', key: 'year' });
      needNumber('employees', v.employees);
      if (v.website.trim() && !/^https?:\/\/\S+\.\S+/.test(v.website.trim())) problems.push({ field: 'website', key: 'url' });
      break;
    }
    case 'location':
      break;
    case 'capabilities':
      if (v.processes.length === 0) problems.push({ field: 'processes', key: 'required' });
      break;
    case 'certificates':
      v.certifications.forEach((c, i) => {
        if (!c.code) problems.push({ field: `certifications.${i}.code`, key: 'required' });
        if (c.validFrom && !DATE.test(c.validFrom)) problems.push({ field: `certifications.${i}.validFrom`, key: 'date' });
        if (c.validUntil && !DATE.test(c.validUntil)) problems.push({ field: `certifications.${i}.validUntil`, key: 'date' });
        else if (c.validFrom && c.validUntil && c.validUntil < c.validFrom)
          problems.push({ field: `certifications.${i}.validUntil`, key: 'dateOrder' });
      });
      break;
    case 'equipment':
      v.equipment.forEach((e, i) => {
        if (!e.kind) problems.push({ field: `equipment.${i}.kind`, key: 'required' });
        if (!INTEGER.test(e.count.trim()) || Number(e.count) < 1) problems.push({ field: `equipment.${i}.count`, key: 'number' });
      });
      break;
    case 'terms': {
      needNumber('monthlyCapacity.value', v.capacityValue, DECIMAL);
      needNumber('minimumOrderQuantity', v.minimumOrderQuantity);
      needNumber('bestToleranceMm', v.bestToleranceMm, DECIMAL);
      const lead = v.leadTimeDays.trim();
      if (lead && (!INTEGER.test(lead) || Number(lead) > 730)) problems.push({ field: 'leadTimeDays', key: 'leadTime' });
      if (splitCodes(v.exportMarkets).some((code) => !/^[A-Za-z]{2}$/.test(code)))
        problems.push({ field: 'exportMarkets', key: 'countryCodes' });
      if (splitCodes(v.languages).some((code) => !/^[A-Za-z]{2}$/.test(code))) problems.push({ field: 'languages', key: 'languageCodes' });
      break;
    }
    case 'contacts':
      if (v.contactEmail.trim() && !EMAIL.test(v.contactEmail.trim())) problems.push({ field: 'contact.email', key: 'email' });
      break;
  }
  return problems;
}

export function validateAll(v: ProfileValues, now = new Date()): FormProblem[] {
  return STEPS.flatMap((step) => validateStep(step, v, now));
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const int = (value: string): number | null => (value.trim() === '' ? null : Number.parseInt(value.trim(), 10));
const decimal = (value: string): number | null => (value.trim() === '' ? null : Number(value.trim().replace(',', '.')));

/** The fields of CreateSupplierInput/UpdateSupplierInput the form edits, from what was typed. */
export function toSupplierInput(v: ProfileValues) {
  const capacity = decimal(v.capacityValue);
  return {
    nameVi: v.nameVi.trim(),
    tradeNameEn: text(v.tradeNameEn),
    taxCode: v.taxCode.trim(),
    foundedYear: int(v.foundedYear),
    employees: int(v.employees),
    website: text(v.website),
    descriptionVi: text(v.descriptionVi),
    descriptionEn: text(v.descriptionEn),
    zoneCode: text(v.zoneCode),
    address: { street: text(v.street), ward: text(v.ward), province: text(v.province) },
    processes: v.processes,
    materials: v.materials,
    productGroups: v.productGroups,
    certifications: v.certifications.map((c) => ({
      code: c.code,
      certificateNumber: text(c.certificateNumber),
      issuingBody: text(c.issuingBody),
      validFrom: text(c.validFrom),
      validUntil: text(c.validUntil),
    })),
    equipment: v.equipment.map((e) => ({ kind: e.kind, count: int(e.count) ?? 1, maker: text(e.maker), model: text(e.model) })),
    monthlyCapacity: capacity === null ? null : { value: capacity, unit: v.capacityUnit || 'PCS' },
    minimumOrderQuantity: int(v.minimumOrderQuantity),
    leadTimeDays: int(v.leadTimeDays),
    bestToleranceMm: decimal(v.bestToleranceMm),
    exportMarkets: splitCodes(v.exportMarkets).map((code) => code.toUpperCase()),
    languages: splitCodes(v.languages).map((code) => code.toLowerCase()),
    contact: { name: text(v.contactName), email: text(v.contactEmail), phone: text(v.contactPhone) },
  };
}

/** The parts of a Supplier the form shows (the shape of SupplierForEdit, loosely, so tests need no API types). */
export interface SupplierLike {
  nameVi: string;
  tradeNameEn?: string | null;
  taxCode: string;
  foundedYear?: number | null;
  employees?: number | null;
  website?: string | null;
  descriptionVi?: string | null;
  descriptionEn?: string | null;
  zone?: { code: string } | null;
  address?: { street?: string | null; ward?: string | null; province?: string | null } | null;
  processes: Array<{ code: string }>;
  materials: Array<{ code: string }>;
  productGroups: Array<{ code: string }>;
  certifications: Array<{
    code: string;
    certificateNumber?: string | null;
    issuingBody?: string | null;
    validFrom?: string | null;
    validUntil?: string | null;
  }>;
  equipment: Array<{ kind: string; count: number; maker?: string | null; model?: string | null }>;
  monthlyCapacity?: { value: number; unit: string } | null;
  minimumOrderQuantity?: number | null;
  leadTimeDays?: number | null;
  bestToleranceMm?: number | null;
  exportMarkets: string[];
  languages: string[];
  contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
}

const str = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** A saved supplier as form values. */
export function valuesFromSupplier(s: SupplierLike): ProfileValues {
  return {
    nameVi: s.nameVi,
    tradeNameEn: str(s.tradeNameEn),
    taxCode: s.taxCode,
    foundedYear: str(s.foundedYear),
    employees: str(s.employees),
    website: str(s.website),
    descriptionVi: str(s.descriptionVi),
    descriptionEn: str(s.descriptionEn),
    zoneCode: s.zone?.code ?? '',
    street: str(s.address?.street),
    ward: str(s.address?.ward),
    province: str(s.address?.province),
    processes: s.processes.map((p) => p.code),
    materials: s.materials.map((m) => m.code),
    productGroups: s.productGroups.map((p) => p.code),
    certifications: s.certifications.map((c) => ({
      code: c.code,
      certificateNumber: str(c.certificateNumber),
      issuingBody: str(c.issuingBody),
      validFrom: str(c.validFrom),
      validUntil: str(c.validUntil),
    })),
    equipment: s.equipment.map((e) => ({ kind: e.kind, count: String(e.count), maker: str(e.maker), model: str(e.model) })),
    capacityValue: str(s.monthlyCapacity?.value),
    capacityUnit: s.monthlyCapacity?.unit ?? 'PCS',
    minimumOrderQuantity: str(s.minimumOrderQuantity),
    leadTimeDays: str(s.leadTimeDays),
    bestToleranceMm: str(s.bestToleranceMm),
    exportMarkets: s.exportMarkets.join(', '),
    languages: s.languages.join(', '),
    contactName: str(s.contact?.name),
    contactEmail: str(s.contact?.email),
    contactPhone: str(s.contact?.phone),
  };
}

/** A field of the form compared across versions; lists compare as wholes. */
export type ProfileField = keyof ProfileValues;
export const PROFILE_FIELDS = Object.keys(EMPTY_PROFILE) as ProfileField[];

const same = sameValue;

export type { Choice };
export type ConflictRow = GenericConflictRow<ProfileValues>;

/** After a CONFLICT: every field where the member's values and the saved version now differ (see lib/form-versions). */
export function conflictRows(base: ProfileValues | null, mine: ProfileValues, theirs: ProfileValues): ConflictRow[] {
  return genericConflictRows(PROFILE_FIELDS, base, mine, theirs);
}

export { defaultChoices };

/** The values to continue editing with: the saved version, with the member's choice for each differing field. */
export function mergeConflict(mine: ProfileValues, theirs: ProfileValues, choices: Record<string, Choice>): ProfileValues {
  return genericMergeConflict(PROFILE_FIELDS, mine, theirs, choices);
}

/** What is kept between visits: the values, the version they were based on, the step; never tokens. */
export interface Draft {
  values: ProfileValues;
  /** The saved version the draft edits (null for a new supplier), and those values, for the conflict view. */
  baseVersion: number | null;
  base: ProfileValues | null;
  step: Step;
  savedAt: string;
  /** Answers kept beside the profile (the centre's onboarding record), when the form has any. */
  extra?: Record<string, string>;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** `scope` keeps the drafts of different forms apart (the SME's own form is `supplier`). */
export function draftKey(supplierId: string | null, scope = 'supplier'): string {
  return `hp.${scope}-draft.${supplierId ?? 'new'}`;
}

function storage(): StorageLike | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Drafts in localStorage: they hold only what the member typed into this form. */
export const drafts = {
  load(supplierId: string | null, store: StorageLike | undefined = storage(), scope?: string): Draft | null {
    try {
      const raw = store?.getItem(draftKey(supplierId, scope));
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<Draft>;
      if (!parsed.values || typeof parsed.values !== 'object') return null;
      // Fields added after the draft was written start empty.
      const values = { ...EMPTY_PROFILE, ...parsed.values };
      const step = (STEPS as readonly string[]).includes(parsed.step ?? '') ? (parsed.step as Step) : 'company';
      return {
        values,
        baseVersion: parsed.baseVersion ?? null,
        base: parsed.base ? { ...EMPTY_PROFILE, ...parsed.base } : null,
        step,
        savedAt: parsed.savedAt ?? '',
        extra: parsed.extra && typeof parsed.extra === 'object' ? parsed.extra : undefined,
      };
    } catch {
      return null;
    }
  },
  save(
    supplierId: string | null,
    draft: Omit<Draft, 'savedAt'>,
    store: StorageLike | undefined = storage(),
    now = new Date(),
    scope?: string,
  ): void {
    try {
      store?.setItem(draftKey(supplierId, scope), JSON.stringify({ ...draft, savedAt: now.toISOString() }));
    } catch {
      // storage full or disabled: the form still works, the draft just does not outlive the tab
    }
  },
  clear(supplierId: string | null, store: StorageLike | undefined = storage(), scope?: string): void {
    try {
      store?.removeItem(draftKey(supplierId, scope));
    } catch {
      // nothing to clear
    }
  },
};

export function isUnchanged(a: ProfileValues, b: ProfileValues): boolean {
  return same(a, b);
}
