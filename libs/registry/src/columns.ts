import { foldDiacritics } from '#libs/core';

/** What a cell of a column holds; drives parsing, validation messages and the README table. */
export type ColumnType = 'text' | 'multiline' | 'integer' | 'decimal' | 'list' | 'certifications' | 'boolean' | 'choice' | 'taxonomy';

/** One column of the registry file format. `key` is the canonical (English, snake_case) header. */
export interface RegistryColumn {
  key: string;
  vi: string;
  en: string;
  type: ColumnType;
  required?: boolean;
  /** Other headers people write, in any case and with or without diacritics. */
  aliases?: readonly string[];
}

/**
 * The supplier registry's columns, in export order. Equipment, customers and certificate details
 * (number, issuer, scope) are not carried: an import leaves them as they are.
 */
export const REGISTRY_COLUMNS = [
  { key: 'tax_code', vi: 'Mã số thuế', en: 'Tax code', type: 'text', required: true, aliases: ['MST', 'tax id', 'tax number'] },
  {
    key: 'name_vi',
    vi: 'Tên doanh nghiệp',
    en: 'Name (Vietnamese)',
    type: 'text',
    required: true,
    aliases: ['tên công ty', 'tên tiếng việt', 'tên', 'name', 'company name'],
  },
  {
    key: 'trade_name_en',
    vi: 'Tên giao dịch tiếng Anh',
    en: 'Trade name (English)',
    type: 'text',
    aliases: ['tên tiếng anh', 'trade name', 'english name'],
  },
  { key: 'description_vi', vi: 'Mô tả', en: 'Description (Vietnamese)', type: 'multiline', aliases: ['mô tả tiếng việt'] },
  { key: 'description_en', vi: 'Mô tả tiếng Anh', en: 'Description (English)', type: 'multiline' },
  { key: 'street', vi: 'Địa chỉ', en: 'Street address', type: 'text', aliases: ['số nhà, đường', 'street', 'address'] },
  { key: 'ward', vi: 'Phường/xã', en: 'Ward', type: 'text', aliases: ['phường', 'xã', 'commune'] },
  { key: 'province', vi: 'Tỉnh/thành phố', en: 'Province', type: 'text', aliases: ['tỉnh', 'thành phố', 'city'] },
  { key: 'old_district', vi: 'Quận/huyện cũ', en: 'Former district', type: 'text', aliases: ['quận huyện', 'old district', 'district'] },
  { key: 'zone', vi: 'Khu công nghiệp', en: 'Industrial zone', type: 'taxonomy', aliases: ['kcn', 'zone', 'zone code'] },
  { key: 'latitude', vi: 'Vĩ độ', en: 'Latitude', type: 'decimal', aliases: ['lat'] },
  { key: 'longitude', vi: 'Kinh độ', en: 'Longitude', type: 'decimal', aliases: ['lng', 'lon'] },
  { key: 'website', vi: 'Trang web', en: 'Website', type: 'text', aliases: ['web'] },
  { key: 'contact_name', vi: 'Người liên hệ', en: 'Contact name', type: 'text', aliases: ['contact'] },
  { key: 'contact_phone', vi: 'Điện thoại', en: 'Contact phone', type: 'text', aliases: ['số điện thoại', 'phone', 'telephone'] },
  { key: 'contact_email', vi: 'Email liên hệ', en: 'Contact email', type: 'text', aliases: ['email', 'thư điện tử'] },
  { key: 'employees', vi: 'Số lao động', en: 'Employees', type: 'integer', aliases: ['số nhân viên', 'số công nhân', 'headcount'] },
  { key: 'founded_year', vi: 'Năm thành lập', en: 'Founded year', type: 'integer', aliases: ['founded'] },
  { key: 'ownership', vi: 'Loại hình sở hữu', en: 'Ownership', type: 'choice', aliases: ['sở hữu', 'ownership type'] },
  {
    key: 'ownership_country',
    vi: 'Quốc gia chủ sở hữu',
    en: 'Owner country',
    type: 'text',
    aliases: ['quốc gia đầu tư', 'ownership country', 'investor country'],
  },
  { key: 'sectors', vi: 'Lĩnh vực', en: 'Sectors', type: 'list', aliases: ['ngành', 'ngành hàng', 'sector'] },
  {
    key: 'processes',
    vi: 'Công nghệ gia công',
    en: 'Processes',
    type: 'list',
    aliases: ['quy trình', 'công nghệ', 'năng lực gia công', 'process', 'capabilities'],
  },
  { key: 'materials', vi: 'Vật liệu', en: 'Materials', type: 'list', aliases: ['nguyên vật liệu', 'material'] },
  { key: 'product_groups', vi: 'Nhóm sản phẩm', en: 'Product groups', type: 'list', aliases: ['sản phẩm', 'product group', 'products'] },
  {
    key: 'certifications',
    vi: 'Chứng nhận',
    en: 'Certifications',
    type: 'certifications',
    aliases: ['chứng chỉ', 'certificates', 'certification'],
  },
  { key: 'monthly_capacity', vi: 'Công suất tháng', en: 'Monthly capacity', type: 'decimal', aliases: ['công suất', 'capacity'] },
  { key: 'capacity_unit', vi: 'Đơn vị công suất', en: 'Capacity unit', type: 'choice', aliases: ['đơn vị', 'unit'] },
  {
    key: 'minimum_order_quantity',
    vi: 'Số lượng đặt hàng tối thiểu',
    en: 'Minimum order quantity',
    type: 'integer',
    aliases: ['moq', 'đơn hàng tối thiểu'],
  },
  {
    key: 'lead_time_days',
    vi: 'Thời gian giao hàng (ngày)',
    en: 'Lead time (days)',
    type: 'integer',
    aliases: ['thời gian giao hàng', 'lead time'],
  },
  {
    key: 'best_tolerance_mm',
    vi: 'Dung sai tốt nhất (mm)',
    en: 'Best tolerance (mm)',
    type: 'decimal',
    aliases: ['dung sai', 'tolerance'],
  },
  {
    key: 'export_experience',
    vi: 'Đã xuất khẩu',
    en: 'Export experience',
    type: 'boolean',
    aliases: ['kinh nghiệm xuất khẩu', 'exporter'],
  },
  { key: 'export_markets', vi: 'Thị trường xuất khẩu', en: 'Export markets', type: 'list' },
  { key: 'languages', vi: 'Ngôn ngữ', en: 'Languages', type: 'list', aliases: ['ngôn ngữ giao tiếp'] },
  {
    key: 'verification',
    vi: 'Trạng thái xác minh',
    en: 'Verification status',
    type: 'choice',
    aliases: ['xác minh', 'đã xác minh', 'verified', 'verification status'],
  },
] as const satisfies readonly RegistryColumn[];

export type ColumnKey = (typeof REGISTRY_COLUMNS)[number]['key'];

/**
 * A header reduced to what matters: case, diacritics, spacing and punctuation ignored, so
 * "Mã số thuế", "ma so thue", "MA_SO_THUE" and "Mã  số thuế:" all read "masothue".
 */
export function headerKey(header: string): string {
  return foldDiacritics(header.normalize('NFKC')).replace(/[^a-z0-9]+/g, '');
}

const BY_HEADER: ReadonlyMap<string, ColumnKey> = (() => {
  const map = new Map<string, ColumnKey>();
  for (const column of REGISTRY_COLUMNS) {
    const forms: readonly string[] = [column.key, column.vi, column.en, ...((column as RegistryColumn).aliases ?? [])];
    for (const form of forms) {
      const key = headerKey(form);
      const without = headerKey(form.replace(/\([^)]*\)/g, ''));
      for (const k of [key, without]) if (k && !map.has(k)) map.set(k, column.key);
    }
  }
  return map;
})();

/** The column a header names, or undefined. A unit in parentheses may be left out or added: "Lead time" = "Lead time (days)". */
export function columnForHeader(header: string): ColumnKey | undefined {
  return BY_HEADER.get(headerKey(header)) ?? BY_HEADER.get(headerKey(header.replace(/\([^)]*\)/g, '')));
}

/** Maps a file's header row to columns; unknown headers are reported, two headers naming one column are an error. */
export function mapHeaders(headers: readonly string[]): { columns: (ColumnKey | undefined)[]; unknown: string[]; problems: string[] } {
  const columns: (ColumnKey | undefined)[] = [];
  const unknown: string[] = [];
  const problems: string[] = [];
  const seen = new Map<ColumnKey, string>();
  for (const raw of headers) {
    const header = raw.trim();
    if (!header) {
      columns.push(undefined);
      continue;
    }
    const key = columnForHeader(header);
    if (!key) unknown.push(header);
    else if (seen.has(key)) problems.push(`the columns "${seen.get(key)}" and "${header}" both mean ${key}`);
    else seen.set(key, header);
    columns.push(key && seen.get(key) === header ? key : undefined);
  }
  const present = new Set(seen.keys());
  for (const column of REGISTRY_COLUMNS) {
    if ('required' in column && column.required && !present.has(column.key))
      problems.push(`the required column ${column.key} ("${column.vi}" / "${column.en}") is missing`);
  }
  if (present.has('latitude') !== present.has('longitude'))
    problems.push('latitude and longitude go together: give both columns or neither');
  if (present.has('monthly_capacity') !== present.has('capacity_unit'))
    problems.push('monthly_capacity and capacity_unit go together: give both columns or neither');
  return { columns, unknown, problems };
}
