const FIRST_PAGE_FACETS = ['processes', 'certifications', 'zone', 'verificationStatus'];

/**
 * A realistic mix of supplier searches: free text in four languages, filters and geography. A
 * third ask for facets, as a result screen does when a search starts (not when paging on).
 */
export const SEARCH_MIX: Record<string, unknown>[] = withFacetsEveryThird([
  { query: 'gia công CNC' },
  { query: 'gia cong cnc nhom' },
  { query: 'CNC machining aluminium' },
  { query: '切削加工' },
  { query: 'CNC 가공' },
  { query: 'ép nhựa ABS' },
  { query: 'injection molding PC' },
  { query: '射出成形' },
  { query: '사출성형' },
  { query: 'dập kim loại' },
  { query: 'dap kim loai lien hoan' },
  { query: 'metal stamping progressive die' },
  { query: 'プレス加工' },
  { query: 'xi mạ kẽm' },
  { query: 'anodizing' },
  { query: 'SMT assembly' },
  { query: 'bó dây điện ô tô' },
  { query: 'wire harness' },
  { query: 'đúc nhôm ADC12' },
  { query: 'khuôn mẫu' },
  { query: 'hàn robot' },
  { query: 'injecton molding' },
  { processesAnyOf: ['STAMPING'], certifications: ['IATF_16949'] },
  { processesAnyOf: ['MACHINING'], verifiedOnly: true },
  { processesAllOf: ['CNC_MILLING', 'CNC_TURNING'], toleranceMm: 0.01 },
  { query: 'gia công CNC', certifications: ['ISO_9001'], zones: ['VSIP_HP', 'NOMURA_HP', 'TRANG_DUE'] },
  { query: 'ép phun', minMonthlyCapacity: { value: 500000, unit: 'PCS' } },
  { materials: ['ABS', 'PC'], sectors: ['ELECTRONICS'] },
  { productGroups: ['AUTOMOTIVE'], minEmployees: 200 },
  { query: 'SMT', certifications: ['IPC_A_610'], maxLeadTimeDays: 30 },
  { nearZone: { zone: 'TRANG_DUE', radiusKm: 15 }, sort: 'DISTANCE' },
  { query: 'stamping', near: { lat: 20.8158, lng: 106.8115, radiusKm: 20 }, sort: 'DISTANCE' },
  { nearZone: { zone: 'DAI_AN', radiusKm: 25 }, processesAnyOf: ['PLASTIC_MOULDING'] },
  { query: 'dây cáp', wards: ['An Dương'] },
  { sort: 'NEWEST', verifiedOnly: true },
  { sort: 'CAPACITY', processesAnyOf: ['INJECTION_MOULDING'] },
  { query: 'rubber gasket EPDM' },
  { query: 'sơn tĩnh điện', page: 2 },
  { zones: ['DEEP_C_1', 'DEEP_C_2', 'NAM_DINH_VU'], verifiedOnly: true },
  { query: 'precision machining japan export' },
]);

function withFacetsEveryThird(mix: Record<string, unknown>[]): Record<string, unknown>[] {
  return mix.map((input, i) => (i % 3 === 0 ? { ...input, facets: FIRST_PAGE_FACETS } : input));
}

/** What a procurement screen asks for. */
export const SEARCH_SELECTION = `query($input: SearchSuppliersInput!) { searchSuppliers(input: $input) {
  totalHits totalPages
  hits { score distanceKm highlights { field snippet }
    supplier { id nameVi tradeNameEn verificationStatus zone { code label } processes { code label } certifications { code validUntil isValid } monthlyCapacity { value unit } leadTimeDays } }
  facets { field values { code label count } } } }`;
