/** The supplier columns the registry format carries, as stored (snake_case, PostgreSQL names). */
export interface RegistryColumns {
  name_vi: string;
  trade_name_en: string | null;
  description_vi: string | null;
  description_en: string | null;
  street: string | null;
  ward: string | null;
  province: string;
  old_district: string | null;
  zone_code: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  employees: number | null;
  founded_year: number | null;
  ownership_type: string;
  ownership_country: string | null;
  sectors: string[];
  processes: string[];
  materials: string[];
  product_groups: string[];
  monthly_capacity_value: number | null;
  monthly_capacity_unit: string | null;
  minimum_order_quantity: number | null;
  lead_time_days: number | null;
  best_tolerance_mm: number | null;
  export_experience: boolean;
  export_markets: string[];
  languages: string[];
  verification_status: string;
}

export type RegistryColumnName = keyof RegistryColumns;

/** Every carried column, in a fixed order (the order of the SQL statements). */
export const REGISTRY_COLUMN_NAMES: readonly RegistryColumnName[] = [
  'name_vi',
  'trade_name_en',
  'description_vi',
  'description_en',
  'street',
  'ward',
  'province',
  'old_district',
  'zone_code',
  'latitude',
  'longitude',
  'website',
  'contact_name',
  'contact_phone',
  'contact_email',
  'employees',
  'founded_year',
  'ownership_type',
  'ownership_country',
  'sectors',
  'processes',
  'materials',
  'product_groups',
  'monthly_capacity_value',
  'monthly_capacity_unit',
  'minimum_order_quantity',
  'lead_time_days',
  'best_tolerance_mm',
  'export_experience',
  'export_markets',
  'languages',
  'verification_status',
];

/** What a new supplier gets for a column the file does not carry (the database defaults). */
export const COLUMN_DEFAULTS: RegistryColumns = {
  name_vi: '',
  trade_name_en: null,
  description_vi: null,
  description_en: null,
  street: null,
  ward: null,
  province: 'Hải Phòng',
  old_district: null,
  zone_code: null,
  latitude: null,
  longitude: null,
  website: null,
  contact_name: null,
  contact_phone: null,
  contact_email: null,
  employees: null,
  founded_year: null,
  ownership_type: 'DOMESTIC',
  ownership_country: null,
  sectors: [],
  processes: [],
  materials: [],
  product_groups: [],
  monthly_capacity_value: null,
  monthly_capacity_unit: null,
  minimum_order_quantity: null,
  lead_time_days: null,
  best_tolerance_mm: null,
  export_experience: false,
  export_markets: [],
  languages: [],
  verification_status: 'UNVERIFIED',
};

/** A certificate as the registry carries it: which one and when it is valid. */
export interface CertificateValidity {
  code: string;
  valid_from: string | null;
  valid_until: string | null;
}

/** A certificate as stored, with the details the registry does not carry (kept on import). */
export interface StoredCertificate extends CertificateValidity {
  certificate_number: string | null;
  issuing_body: string | null;
  scope: string | null;
}

/** One valid row of a registry file, ready to be compared with the database. */
export interface RegistryRecord {
  line: number;
  taxCode: string;
  /** Only the columns the file carries; a column it leaves out stays as it is on update. */
  columns: Partial<RegistryColumns>;
  /** Present when the file has a certifications column. */
  certifications?: CertificateValidity[];
  /** Position of the zone given in the row (for a location the row does not give). */
  zoneGeo?: { lat: number; lng: number } | null;
}

/** A supplier as stored, for comparison with a record. */
export interface StoredSupplier extends RegistryColumns {
  id: string;
  tax_code: string;
  version: number;
  certifications: StoredCertificate[];
}
