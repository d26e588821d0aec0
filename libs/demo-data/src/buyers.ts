/**
 * Fictional FDI assemblers modelled on the kinds of plants in Hải Phòng (displays, computers,
 * printers, tyres, cars, harnesses). No real company is named: a platform must not pretend that a
 * real buyer posted a need.
 */
export interface DemoBuyer {
  name: string;
  nameVi: string;
  country: string;
  description: string;
  contactName: string;
  sectors: string[];
  languages: string[];
  plants: { name: string; zone: string }[];
}

export const BUYERS: DemoBuyer[] = [
  {
    name: 'Hanul Display Vina',
    nameVi: 'Công ty TNHH Hanul Display Vina',
    country: 'KR',
    description: 'OLED and LCD display modules for TVs and notebooks.',
    contactName: 'Kim Min-jun',
    sectors: ['ELECTRONICS', 'CONSUMER_ELECTRONICS'],
    languages: ['ko', 'en', 'vi'],
    plants: [{ name: 'Tràng Duệ display plant', zone: 'TRANG_DUE' }],
  },
  {
    name: 'Daebang Home Appliances Haiphong',
    nameVi: 'Công ty TNHH Daebang Hải Phòng',
    country: 'KR',
    description: 'Washing machines, refrigerators and air-conditioner parts.',
    contactName: 'Park Ji-hoon',
    sectors: ['HOME_APPLIANCES', 'ELECTRONICS'],
    languages: ['ko', 'en', 'vi'],
    plants: [
      { name: 'Appliance plant 1', zone: 'TRANG_DUE' },
      { name: 'Compressor plant', zone: 'AN_DUONG' },
    ],
  },
  {
    name: 'Jinseong Camera Module Vina',
    nameVi: 'Công ty TNHH Jinseong Vina',
    country: 'KR',
    description: 'Camera modules and optical parts for smartphones and cars.',
    contactName: 'Lee Seo-yeon',
    sectors: ['ELECTRONICS', 'AUTOMOTIVE'],
    languages: ['ko', 'en'],
    plants: [{ name: 'Camera module plant', zone: 'TRANG_DUE' }],
  },
  {
    name: 'Formosa Peak Computing VN',
    nameVi: 'Công ty TNHH Formosa Peak Việt Nam',
    country: 'TW',
    description: 'Notebook computers, networking gear and PCB assemblies.',
    contactName: 'Chen Wei-lun',
    sectors: ['ELECTRONICS', 'TELECOM'],
    languages: ['zh', 'en', 'vi'],
    plants: [{ name: 'Nam Đình Vũ campus', zone: 'NAM_DINH_VU' }],
  },
  {
    name: 'Kaisei Office Systems Vietnam',
    nameVi: 'Công ty TNHH Kaisei Việt Nam',
    country: 'JP',
    description: 'Printers and multifunction devices; plastic and sheet-metal parts sourced locally.',
    contactName: 'Tanaka Hiroshi',
    sectors: ['OFFICE_EQUIPMENT', 'ELECTRONICS'],
    languages: ['ja', 'en', 'vi'],
    plants: [{ name: 'VSIP printer plant', zone: 'VSIP_HP' }],
  },
  {
    name: 'Shirakawa Wiring Vietnam',
    nameVi: 'Công ty TNHH Shirakawa Việt Nam',
    country: 'JP',
    description: 'Automotive wire harnesses for Japanese car makers.',
    contactName: 'Suzuki Kenji',
    sectors: ['AUTOMOTIVE'],
    languages: ['ja', 'vi'],
    plants: [{ name: 'Nomura harness plant', zone: 'NOMURA_HP' }],
  },
  {
    name: 'Minato Tyre Manufacturing VN',
    nameVi: 'Công ty TNHH Minato Tyre Việt Nam',
    country: 'JP',
    description: 'Passenger-car and light-truck tyres.',
    contactName: 'Yamada Taro',
    sectors: ['AUTOMOTIVE'],
    languages: ['ja', 'en', 'vi'],
    plants: [{ name: 'Đình Vũ tyre plant', zone: 'DEEP_C_1' }],
  },
  {
    name: 'Hoshino Precision Motors Vietnam',
    nameVi: 'Công ty TNHH Hoshino Precision Việt Nam',
    country: 'JP',
    description: 'Small precision motors for appliances and cars.',
    contactName: 'Watanabe Yuki',
    sectors: ['ELECTRONICS', 'AUTOMOTIVE'],
    languages: ['ja', 'en'],
    plants: [{ name: 'VSIP Hải Dương motor plant', zone: 'VSIP_HD' }],
  },
  {
    name: 'Rhein Automotive Components VN',
    nameVi: 'Công ty TNHH Rhein Automotive Việt Nam',
    country: 'DE',
    description: 'Brake and chassis components for European and Asian car makers.',
    contactName: 'Anna Schneider',
    sectors: ['AUTOMOTIVE'],
    languages: ['de', 'en', 'vi'],
    plants: [{ name: 'Đại An chassis plant', zone: 'DAI_AN' }],
  },
  {
    name: 'Great Lakes Trucks Vietnam',
    nameVi: 'Công ty TNHH Great Lakes Trucks Việt Nam',
    country: 'US',
    description: 'Assembly of light trucks and vans.',
    contactName: 'Michael Brown',
    sectors: ['AUTOMOTIVE'],
    languages: ['en', 'vi'],
    plants: [{ name: 'Lai Cách assembly plant', zone: 'LAI_CACH' }],
  },
  {
    name: 'Nordhavn Battery Systems',
    nameVi: 'Công ty TNHH Nordhavn Battery Việt Nam',
    country: 'SE',
    description: 'Lithium battery packs for e-scooters and energy storage.',
    contactName: 'Erik Lindqvist',
    sectors: ['ENERGY_BATTERIES', 'ELECTRONICS'],
    languages: ['en', 'vi'],
    plants: [{ name: 'Nam Đình Vũ battery plant', zone: 'NAM_DINH_VU' }],
  },
  {
    name: 'Sao Biển Motors Cát Hải',
    nameVi: 'Công ty TNHH Sao Biển Motors',
    country: 'SG',
    description: 'Electric cars and e-scooters; fictional Singapore-registered investor at the Cát Hải automotive complex.',
    contactName: 'Tan Wei Ming',
    sectors: ['AUTOMOTIVE', 'MOTORCYCLE'],
    languages: ['en', 'vi'],
    plants: [
      { name: 'Cát Hải vehicle plant', zone: 'VINFAST_CAT_HAI' },
      { name: 'DEEP C II parts centre', zone: 'DEEP_C_2' },
    ],
  },
  {
    name: 'Kowa Medical Devices Vietnam',
    nameVi: 'Công ty TNHH Kowa Medical Việt Nam',
    country: 'JP',
    description: 'Disposable medical devices and their plastic components.',
    contactName: 'Kobayashi Aiko',
    sectors: ['MEDICAL_DEVICES'],
    languages: ['ja', 'en'],
    plants: [{ name: 'VSIP medical plant', zone: 'VSIP_HP' }],
  },
];
