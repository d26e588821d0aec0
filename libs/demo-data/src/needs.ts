/**
 * Demo sourcing needs of the demo buyers (by index in BUYERS), so that a fresh `npm start` shows
 * matching at work. Fictional; prices are confidential to the buyer.
 */
export interface DemoNeed {
  buyer: number;
  title: string;
  description: string;
  processes: string[];
  materials: string[];
  certifications: string[];
  quantity: { value: number; unit: string };
  price?: { min: number; max: number; currency: string };
  toleranceMm?: number;
  maxLeadTimeDays?: number;
  maxDistanceKm?: number;
  visibility: 'PUBLIC' | 'ANONYMOUS' | 'PRIVATE';
}

export const DEMO_NEEDS: DemoNeed[] = [
  {
    buyer: 4,
    title: 'Giá đỡ thép SPCC dập liên hoàn cho khung máy in',
    description: 'Dập liên hoàn giá đỡ SPCC dày 1.2 mm, mạ kẽm, cho khung máy in đa năng. Cần ISO 9001.',
    processes: ['PROGRESSIVE_DIE_STAMPING'],
    materials: ['SPCC'],
    certifications: ['ISO_9001'],
    quantity: { value: 120000, unit: 'PCS' },
    price: { min: 2800, max: 3400, currency: 'VND' },
    maxLeadTimeDays: 30,
    maxDistanceKm: 40,
    visibility: 'PUBLIC',
  },
  {
    buyer: 4,
    title: 'Vỏ nhựa ABS/PC cho khay giấy máy in',
    description: 'Injection moulded PC/ABS paper tray covers, UL 94 V-0, texture MT-11010.',
    processes: ['INJECTION_MOULDING'],
    materials: ['PC_ABS'],
    certifications: ['ISO_9001', 'ROHS'],
    quantity: { value: 60000, unit: 'PCS' },
    price: { min: 9000, max: 12000, currency: 'VND' },
    toleranceMm: 0.05,
    visibility: 'PUBLIC',
  },
  {
    buyer: 5,
    title: 'ワイヤーハーネス 二輪車用',
    description: '二輪車用ワイヤーハーネスの組立。IATF 16949 必須。',
    processes: ['WIRE_HARNESS'],
    materials: [],
    certifications: ['IATF_16949'],
    quantity: { value: 40000, unit: 'SETS' },
    maxLeadTimeDays: 45,
    visibility: 'PUBLIC',
  },
  {
    buyer: 8,
    title: 'Brake caliper brackets, machined from castings',
    description: 'CNC machining of ductile iron brake caliper brackets, tolerance 0.02 mm, IATF 16949 and ISO 14001.',
    processes: ['CNC_MILLING', 'CNC_TURNING'],
    materials: ['FCD450'],
    certifications: ['IATF_16949'],
    quantity: { value: 15000, unit: 'PCS' },
    toleranceMm: 0.02,
    maxDistanceKm: 60,
    visibility: 'PUBLIC',
  },
  {
    buyer: 0,
    title: '디스플레이 백라이트 프레임 프레스 가공',
    description: 'SECC 프레스 가공 프레임, 월 20만 개. RoHS 필수.',
    processes: ['STAMPING'],
    materials: ['SECC'],
    certifications: ['ROHS'],
    quantity: { value: 200000, unit: 'PCS' },
    maxDistanceKm: 30,
    visibility: 'ANONYMOUS',
  },
  {
    buyer: 3,
    title: 'SMT assembly of power boards for networking gear',
    description: 'Lắp ráp SMT bo mạch nguồn, IPC-A-610 class 2, kiểm tra AOI.',
    processes: ['SMT_ASSEMBLY'],
    materials: ['FR4'],
    certifications: ['IPC_A_610'],
    quantity: { value: 30000, unit: 'PCS' },
    price: { min: 1.2, max: 1.6, currency: 'USD' },
    maxLeadTimeDays: 21,
    visibility: 'PUBLIC',
  },
  {
    buyer: 11,
    title: 'Đúc nhôm ADC12 vỏ động cơ xe máy điện',
    description: 'Aluminium die-cast motor housings for e-scooters, with CNC post-machining.',
    processes: ['DIE_CASTING'],
    materials: ['ADC12'],
    certifications: ['ISO_9001'],
    quantity: { value: 8000, unit: 'PCS' },
    visibility: 'PUBLIC',
  },
  {
    buyer: 6,
    title: 'Gioăng cao su EPDM cho dây chuyền lốp',
    description: 'EPDM seals and gaskets, Shore A 70.',
    processes: ['RUBBER_MOULDING'],
    materials: ['EPDM'],
    certifications: [],
    quantity: { value: 50000, unit: 'PCS' },
    visibility: 'PRIVATE',
  },
  {
    buyer: 1,
    title: 'Sơn tĩnh điện vỏ máy giặt',
    description: 'Powder coating of washing-machine cabinets, salt spray 500 h.',
    processes: ['POWDER_COATING'],
    materials: ['SPCC'],
    certifications: ['ISO_14001'],
    quantity: { value: 25000, unit: 'PCS' },
    maxDistanceKm: 50,
    visibility: 'PUBLIC',
  },
  {
    buyer: 12,
    title: 'Precision plastic parts for medical devices',
    description: 'Ép phun chi tiết nhựa y tế trong phòng sạch, ISO 13485.',
    processes: ['INJECTION_MOULDING'],
    materials: ['PC'],
    certifications: ['ISO_13485'],
    quantity: { value: 100000, unit: 'PCS' },
    toleranceMm: 0.02,
    visibility: 'PUBLIC',
  },
  // Automotive needs asking IATF 16949 of shops that otherwise fit: several demo suppliers (the demo supplier
  // account's rubber plant among them) are one certificate away from them, so "How to qualify for more
  // work" and the centre's coaching targets have something real to show on a first start.
  {
    buyer: 6,
    title: 'Gioăng cao su EPDM chịu nhiệt cho cụm phanh',
    description: 'Heat-resistant moulded EPDM seals for brake assemblies; IATF 16949 and PPAP level 3 required.',
    processes: ['RUBBER_MOULDING'],
    materials: ['EPDM'],
    certifications: ['IATF_16949'],
    quantity: { value: 80000, unit: 'PCS' },
    visibility: 'PUBLIC',
  },
  {
    buyer: 8,
    title: 'Rubber bushings for suspension arms',
    description: 'Bạc cao su đúc khuôn cho tay đòn treo, yêu cầu IATF 16949.',
    processes: ['RUBBER_MOULDING'],
    materials: ['NATURAL_RUBBER'],
    certifications: ['IATF_16949'],
    quantity: { value: 40000, unit: 'PCS' },
    visibility: 'PUBLIC',
  },
  {
    buyer: 11,
    title: 'Chụp bụi cao su cho xe máy điện',
    description: 'Moulded NBR dust boots for e-scooter steering; IATF 16949 certified suppliers only.',
    processes: ['RUBBER_MOULDING'],
    materials: ['NBR'],
    certifications: ['IATF_16949'],
    quantity: { value: 30000, unit: 'PCS' },
    visibility: 'ANONYMOUS',
  },
  {
    buyer: 9,
    title: 'CNC-milled aluminium brackets for cab frames',
    description: 'Phay CNC giá đỡ nhôm 6061 cho khung cabin xe tải, yêu cầu IATF 16949.',
    processes: ['CNC_MILLING'],
    materials: ['AL6061'],
    certifications: ['IATF_16949'],
    quantity: { value: 6000, unit: 'PCS' },
    visibility: 'PUBLIC',
  },
];
