import {
  COLUMN_DEFAULTS,
  type CertificateValidity,
  type RegistryColumnName,
  type RegistryColumns,
  type RegistryRecord,
  type StoredCertificate,
  type StoredSupplier,
} from './record.js';

/** What importing one record does to the database. */
export type RowPlan =
  | { kind: 'create'; columns: RegistryColumns; certifications: StoredCertificate[] }
  | {
      kind: 'update';
      id: string;
      version: number;
      columns: RegistryColumns;
      certifications?: StoredCertificate[];
      changed: RegistryColumnName[];
    }
  | { kind: 'unchanged'; id: string };

/**
 * Compares a record with the stored supplier (undefined when new). A column the file does not carry
 * keeps its stored value; an empty verification cell keeps the stored status. Certificates are
 * matched by code (in order), so the details the format does not carry (number, issuer, scope) are kept.
 * Pure: the same record against the same row always plans `unchanged` the second time.
 */
export function planRow(record: RegistryRecord, stored: StoredSupplier | undefined): RowPlan {
  const wanted = { ...record.columns };
  if (!stored) {
    const columns: RegistryColumns = { ...COLUMN_DEFAULTS, ...wanted };
    if (!('latitude' in wanted) && record.zoneGeo) [columns.latitude, columns.longitude] = [record.zoneGeo.lat, record.zoneGeo.lng];
    return { kind: 'create', columns, certifications: withDetails(record.certifications ?? [], []) };
  }
  // A new zone moves a supplier whose file gives no location to the zone, as the API does.
  if (!('latitude' in wanted) && 'zone_code' in wanted && wanted.zone_code !== stored.zone_code && record.zoneGeo) {
    wanted.latitude = record.zoneGeo.lat;
    wanted.longitude = record.zoneGeo.lng;
  }
  const changed = (Object.keys(wanted) as RegistryColumnName[]).filter((name) => !sameValue(wanted[name], stored[name]));
  const certificatesChanged = record.certifications !== undefined && !sameCertificates(record.certifications, stored.certifications);
  if (!changed.length && !certificatesChanged) return { kind: 'unchanged', id: stored.id };
  const columns = { ...pickColumns(stored), ...wanted };
  return {
    kind: 'update',
    id: stored.id,
    version: stored.version,
    columns,
    changed,
    ...(certificatesChanged ? { certifications: withDetails(record.certifications!, stored.certifications) } : {}),
  };
}

function pickColumns(stored: StoredSupplier): RegistryColumns {
  const columns = {} as Record<string, unknown>;
  for (const name of Object.keys(COLUMN_DEFAULTS)) columns[name] = stored[name as RegistryColumnName];
  return columns as unknown as RegistryColumns;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => item === b[i]);
  }
  if (typeof a === 'number' || typeof b === 'number')
    return a !== null && b !== null && a !== undefined && b !== undefined && Number(a) === Number(b);
  return (a ?? null) === (b ?? null);
}

function sameCertificates(wanted: CertificateValidity[], stored: StoredCertificate[]): boolean {
  return (
    wanted.length === stored.length &&
    wanted.every((c, i) => c.code === stored[i].code && c.valid_from === stored[i].valid_from && c.valid_until === stored[i].valid_until)
  );
}

/** The n-th certificate of a code keeps the details of the n-th stored certificate of that code. */
function withDetails(wanted: CertificateValidity[], stored: StoredCertificate[]): StoredCertificate[] {
  const byCode = new Map<string, StoredCertificate[]>();
  for (const c of stored) byCode.set(c.code, [...(byCode.get(c.code) ?? []), c]);
  return wanted.map((c) => {
    const previous = byCode.get(c.code)?.shift();
    return {
      ...c,
      certificate_number: previous?.certificate_number ?? null,
      issuing_body: previous?.issuing_body ?? null,
      scope: previous?.scope ?? null,
    };
  });
}
