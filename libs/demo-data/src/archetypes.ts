import type { EquipmentKind, QuantityUnit } from '#libs/companies';

/** A kind of supporting-industry shop, with what such shops typically do, use and hold. */
export interface Archetype {
  key: string;
  /** Share of the demo suppliers of this kind. */
  weight: number;
  nameStem: { vi: string; en: string };
  /** Always offered / sometimes offered (taxonomy PROCESS codes). */
  coreProcesses: string[];
  extraProcesses: string[];
  materials: string[];
  productGroups: string[];
  sectors: string[];
  equipment: { kind: `${EquipmentKind}`; makers: string[]; spec?: 'press' | 'clamp' | 'axes' }[];
  /** Certification codes with the probability that a shop of this kind holds each. */
  certifications: [string, number][];
  capacityUnit: `${QuantityUnit}`;
  capacityRange: [number, number];
  toleranceRange: [number, number] | null;
  describe: { vi: string; en: string };
}

export const ARCHETYPES: Archetype[] = [
  {
    key: 'cnc',
    weight: 20,
    nameStem: { vi: 'Cơ khí Chính xác', en: 'Precision Engineering' },
    coreProcesses: ['CNC_MACHINING', 'CNC_MILLING', 'CNC_TURNING'],
    extraProcesses: [
      'MULTI_AXIS_MACHINING',
      'SWISS_TURNING',
      'GRINDING',
      'DRILLING_TAPPING',
      'WIRE_EDM',
      'JIGS_FIXTURES',
      'CMM_MEASUREMENT',
    ],
    materials: ['AL6061', 'AL5052', 'S45C', 'SUS304', 'C3604', 'POM', 'SKD11'],
    productGroups: ['MECH_MACHINE_COMPONENTS', 'ELECTRONICS_METAL_PARTS', 'AUTO_ENGINE_POWERTRAIN', 'MECH_JIGS_FIXTURES'],
    sectors: ['ELECTRONICS', 'AUTOMOTIVE', 'MACHINERY'],
    equipment: [
      { kind: 'CNC_MACHINING_CENTRE', makers: ['Mazak', 'DMG Mori', 'Brother', 'Haas', 'Doosan'], spec: 'axes' },
      { kind: 'CNC_LATHE', makers: ['Okuma', 'Mazak', 'Doosan', 'Takisawa'] },
      { kind: 'CMM', makers: ['Mitutoyo', 'Zeiss', 'Hexagon'] },
    ],
    certifications: [
      ['ISO_9001', 0.75],
      ['IATF_16949', 0.2],
      ['ISO_14001', 0.3],
    ],
    capacityUnit: 'PCS',
    capacityRange: [5000, 200000],
    toleranceRange: [0.002, 0.05],
    describe: {
      vi: 'Gia công CNC chính xác các chi tiết kim loại: phay, tiện, mài; đo kiểm bằng máy CMM.',
      en: 'Precision CNC machining of metal parts: milling, turning, grinding; CMM inspection.',
    },
  },
  {
    key: 'stamping',
    weight: 18,
    nameStem: { vi: 'Dập Kim loại', en: 'Metal Stamping' },
    coreProcesses: ['STAMPING'],
    extraProcesses: [
      'PROGRESSIVE_DIE_STAMPING',
      'DEEP_DRAWING',
      'PRESS_BRAKE_BENDING',
      'SPOT_WELDING',
      'LASER_CUTTING',
      'STAMPING_DIE_MAKING',
    ],
    materials: ['SPCC', 'SECC', 'SGCC', 'SUS304', 'AL5052', 'C1100'],
    productGroups: ['AUTO_BODY_PARTS', 'ELECTRONICS_METAL_PARTS', 'AUTO_CHASSIS_PARTS'],
    sectors: ['AUTOMOTIVE', 'ELECTRONICS', 'HOME_APPLIANCES', 'OFFICE_EQUIPMENT'],
    equipment: [
      { kind: 'PRESS', makers: ['Amada', 'Komatsu', 'Aida', 'Seyi', 'Yangli'], spec: 'press' },
      { kind: 'PRESS_BRAKE', makers: ['Amada', 'Trumpf', 'LVD'] },
      { kind: 'LASER_CUTTER', makers: ['Trumpf', 'Bystronic', "Han's Laser"] },
    ],
    certifications: [
      ['ISO_9001', 0.8],
      ['IATF_16949', 0.3],
      ['ISO_14001', 0.35],
    ],
    capacityUnit: 'PCS',
    capacityRange: [50000, 2000000],
    toleranceRange: [0.02, 0.1],
    describe: {
      vi: 'Dập kim loại tấm, dập liên hoàn, chấn gấp và hàn điểm cho linh kiện ô tô, điện tử.',
      en: 'Sheet-metal stamping, progressive-die stamping, press-brake bending and spot welding for automotive and electronics parts.',
    },
  },
  {
    key: 'injection',
    weight: 18,
    nameStem: { vi: 'Nhựa Kỹ thuật', en: 'Plastic Technology' },
    coreProcesses: ['INJECTION_MOULDING'],
    extraProcesses: ['INJECTION_MOULD_MAKING', 'INSERT_MOULDING', 'PAD_PRINTING', 'SCREEN_PRINTING', 'ASSEMBLY', 'ULTRASONIC_WELDING'],
    materials: ['ABS', 'PC', 'PA66', 'POM', 'PP', 'PBT', 'PC_ABS'],
    productGroups: ['ELECTRONICS_PLASTIC_PARTS', 'AUTO_PLASTIC_PARTS', 'ELECTRONICS_PACKAGING'],
    sectors: ['ELECTRONICS', 'OFFICE_EQUIPMENT', 'HOME_APPLIANCES', 'AUTOMOTIVE'],
    equipment: [{ kind: 'INJECTION_MOULDING_MACHINE', makers: ['Haitian', 'Engel', 'Sumitomo', 'JSW', 'Toyo', 'LS Mtron'], spec: 'clamp' }],
    certifications: [
      ['ISO_9001', 0.8],
      ['ISO_14001', 0.4],
      ['ROHS', 0.45],
      ['IATF_16949', 0.15],
      ['UL', 0.15],
      ['SONY_GREEN_PARTNER', 0.05],
    ],
    capacityUnit: 'PCS',
    capacityRange: [100000, 3000000],
    toleranceRange: [0.02, 0.1],
    describe: {
      vi: 'Ép phun nhựa kỹ thuật ABS, PC, PA66 cho vỏ thiết bị điện tử, máy in và nội thất ô tô; có xưởng khuôn.',
      en: 'Injection moulding of engineering plastics (ABS, PC, PA66) for electronics housings, printers and car interiors; in-house tooling.',
    },
  },
  {
    key: 'diecast',
    weight: 6,
    nameStem: { vi: 'Đúc Nhôm', en: 'Aluminium Die Casting' },
    coreProcesses: ['DIE_CASTING'],
    extraProcesses: ['GRAVITY_CASTING', 'CNC_MILLING', 'BLASTING', 'POWDER_COATING', 'CONVERSION_COATING'],
    materials: ['ADC12', 'A356', 'ZINC_ALLOY'],
    productGroups: ['AUTO_ENGINE_POWERTRAIN', 'MECH_CASTINGS_FORGINGS', 'ELECTRONICS_METAL_PARTS'],
    sectors: ['AUTOMOTIVE', 'MOTORCYCLE', 'ELECTRONICS'],
    equipment: [{ kind: 'DIE_CASTING_MACHINE', makers: ['Toshiba', 'Buhler', 'UBE', 'LK'], spec: 'clamp' }],
    certifications: [
      ['ISO_9001', 0.7],
      ['IATF_16949', 0.35],
      ['ISO_14001', 0.3],
    ],
    capacityUnit: 'PCS',
    capacityRange: [20000, 500000],
    toleranceRange: [0.05, 0.2],
    describe: {
      vi: 'Đúc áp lực nhôm ADC12, gia công CNC sau đúc, phun bi và sơn tĩnh điện.',
      en: 'High-pressure aluminium die casting (ADC12) with CNC post-machining, shot blasting and powder coating.',
    },
  },
  {
    key: 'surface',
    weight: 8,
    nameStem: { vi: 'Xi mạ và Sơn', en: 'Surface Finishing' },
    coreProcesses: ['ELECTROPLATING'],
    extraProcesses: [
      'ZINC_PLATING',
      'NICKEL_CHROME_PLATING',
      'ANODISING',
      'POWDER_COATING',
      'E_COATING',
      'HOT_DIP_GALVANISING',
      'POLISHING',
    ],
    materials: ['SPCC', 'AL6061', 'C3604', 'SUS304'],
    productGroups: ['ELECTRONICS_METAL_PARTS', 'AUTO_CHASSIS_PARTS', 'MECH_FASTENERS'],
    sectors: ['AUTOMOTIVE', 'ELECTRONICS', 'MOTORCYCLE'],
    equipment: [
      { kind: 'PLATING_LINE', makers: ['Atotech', 'Yamamoto-MS', 'local build'] },
      { kind: 'PAINT_LINE', makers: ['Wagner', 'Gema', 'local build'] },
    ],
    certifications: [
      ['ISO_9001', 0.7],
      ['ISO_14001', 0.6],
      ['ROHS', 0.5],
      ['REACH', 0.3],
    ],
    capacityUnit: 'SQUARE_METRES',
    capacityRange: [5000, 80000],
    toleranceRange: null,
    describe: {
      vi: 'Xi mạ kẽm, niken, crom; anot hóa nhôm; sơn tĩnh điện và sơn điện di cho linh kiện kim loại.',
      en: 'Zinc, nickel and chrome plating; aluminium anodising; powder coating and e-coating of metal parts.',
    },
  },
  {
    key: 'electronics',
    weight: 10,
    nameStem: { vi: 'Điện tử', en: 'Electronics' },
    coreProcesses: ['SMT_ASSEMBLY'],
    extraProcesses: ['THT_ASSEMBLY', 'WAVE_SOLDERING', 'REFLOW_SOLDERING', 'CONFORMAL_COATING', 'BOX_BUILD', 'QUALITY_INSPECTION'],
    materials: ['FR4', 'C1100'],
    productGroups: ['ELECTRONICS_PCB', 'ELECTRONICS_PASSIVE_COMPONENTS', 'HIGHTECH_PRECISION_COMPONENTS'],
    sectors: ['ELECTRONICS', 'CONSUMER_ELECTRONICS', 'TELECOM', 'COMPUTERS', 'AUTOMOTIVE'],
    equipment: [
      { kind: 'SMT_LINE', makers: ['Fuji', 'Panasonic', 'Yamaha', 'Hanwha'] },
      { kind: 'WAVE_SOLDERING', makers: ['ERSA', 'Heller', 'JT'] },
    ],
    certifications: [
      ['ISO_9001', 0.85],
      ['IPC_A_610', 0.6],
      ['IPC_J_STD_001', 0.35],
      ['ANSI_ESD_S20_20', 0.4],
      ['ROHS', 0.7],
      ['IECQ_QC_080000', 0.2],
      ['ISO_14001', 0.4],
    ],
    capacityUnit: 'PCS',
    capacityRange: [20000, 1000000],
    toleranceRange: null,
    describe: {
      vi: 'Lắp ráp SMT và cắm linh kiện xuyên lỗ, hàn sóng, kiểm tra AOI/ICT cho bo mạch điện tử.',
      en: 'SMT and through-hole PCB assembly, wave soldering, AOI/ICT testing.',
    },
  },
  {
    key: 'harness',
    weight: 7,
    nameStem: { vi: 'Dây điện và Cáp', en: 'Wire Harness' },
    coreProcesses: ['WIRE_HARNESS'],
    extraProcesses: ['CABLE_ASSEMBLY', 'WIRE_CRIMPING', 'SOLDERING', 'QUALITY_INSPECTION'],
    materials: ['C1100', 'PVC', 'PA66'],
    productGroups: ['AUTO_WIRE_HARNESS', 'ELECTRONICS_WIRE_CABLE'],
    sectors: ['AUTOMOTIVE', 'HOME_APPLIANCES', 'ELECTRONICS'],
    equipment: [{ kind: 'WIRE_PROCESSING', makers: ['Komax', 'Schleuniger', 'Shinmaywa'] }],
    certifications: [
      ['ISO_9001', 0.8],
      ['IATF_16949', 0.35],
      ['IPC_WHMA_A_620', 0.5],
      ['UL', 0.3],
    ],
    capacityUnit: 'SETS',
    capacityRange: [10000, 400000],
    toleranceRange: null,
    describe: {
      vi: 'Sản xuất bó dây điện ô tô và dây cáp tín hiệu cho thiết bị gia dụng, bấm đầu cốt tự động.',
      en: 'Automotive wire harnesses and signal cable assemblies for appliances, with automatic crimping.',
    },
  },
  {
    key: 'rubber',
    weight: 5,
    nameStem: { vi: 'Cao su Kỹ thuật', en: 'Technical Rubber' },
    coreProcesses: ['RUBBER_MOULDING'],
    extraProcesses: ['RUBBER_EXTRUSION', 'LSR_MOULDING'],
    materials: ['EPDM', 'NBR', 'SILICONE_RUBBER'],
    productGroups: ['AUTO_RUBBER_PARTS', 'MECH_SEALS_GASKETS', 'ELECTRONICS_RUBBER_FOAM_PARTS'],
    sectors: ['AUTOMOTIVE', 'HOME_APPLIANCES', 'MOTORCYCLE'],
    equipment: [{ kind: 'OTHER', makers: ['local build', 'Dekuma'] }],
    certifications: [
      ['ISO_9001', 0.7],
      ['IATF_16949', 0.25],
      ['ROHS', 0.3],
    ],
    capacityUnit: 'PCS',
    capacityRange: [50000, 1000000],
    toleranceRange: [0.1, 0.3],
    describe: {
      vi: 'Ép cao su lưu hóa EPDM, NBR, silicone: gioăng, phớt, chi tiết chống rung.',
      en: 'Compression and transfer moulding of EPDM, NBR and silicone rubber: gaskets, seals, anti-vibration parts.',
    },
  },
  {
    key: 'tooling',
    weight: 4,
    nameStem: { vi: 'Khuôn mẫu', en: 'Mould & Die' },
    coreProcesses: ['MOULD_DIE_MAKING', 'INJECTION_MOULD_MAKING'],
    extraProcesses: ['STAMPING_DIE_MAKING', 'WIRE_EDM', 'SINKER_EDM', 'CNC_MILLING', 'GRINDING', 'HARDENING_TEMPERING'],
    materials: ['SKD11', 'SKD61', 'S45C', 'P20'],
    productGroups: ['MECH_MOULDS_DIES'],
    sectors: ['MACHINERY', 'ELECTRONICS', 'AUTOMOTIVE'],
    equipment: [
      { kind: 'WIRE_EDM', makers: ['Sodick', 'Mitsubishi', 'Makino', 'Fanuc'] },
      { kind: 'SINKER_EDM', makers: ['Sodick', 'Makino'] },
      { kind: 'CNC_MACHINING_CENTRE', makers: ['Makino', 'Mazak'], spec: 'axes' },
    ],
    certifications: [['ISO_9001', 0.6]],
    capacityUnit: 'SETS',
    capacityRange: [2, 30],
    toleranceRange: [0.002, 0.01],
    describe: {
      vi: 'Thiết kế và chế tạo khuôn ép nhựa, khuôn dập liên hoàn; cắt dây EDM, xung điện.',
      en: 'Design and manufacture of injection moulds and progressive dies; wire and sinker EDM.',
    },
  },
  {
    key: 'fabrication',
    weight: 4,
    nameStem: { vi: 'Kết cấu Thép', en: 'Steel Fabrication' },
    coreProcesses: ['WELDING_JOINING'],
    extraProcesses: [
      'MIG_MAG_WELDING',
      'TIG_WELDING',
      'ROBOTIC_WELDING',
      'LASER_CUTTING',
      'PLASMA_CUTTING',
      'SHEET_METAL_FABRICATION',
      'POWDER_COATING',
    ],
    materials: ['SS400', 'SPCC', 'SUS304'],
    productGroups: ['MECH_ENCLOSURES_STRUCTURES', 'AUTO_CHASSIS_PARTS'],
    sectors: ['MACHINERY', 'AUTOMOTIVE'],
    equipment: [
      { kind: 'WELDING_ROBOT', makers: ['Panasonic', 'Yaskawa', 'OTC Daihen'] },
      { kind: 'LASER_CUTTER', makers: ['Bystronic', "Han's Laser"] },
    ],
    certifications: [
      ['ISO_9001', 0.6],
      ['ISO_45001', 0.25],
    ],
    capacityUnit: 'TONNES',
    capacityRange: [20, 600],
    toleranceRange: [0.5, 1],
    describe: {
      vi: 'Hàn MIG/TIG, cắt laser và plasma, gia công kết cấu thép và khung giá đỡ.',
      en: 'MIG/TIG welding, laser and plasma cutting, steel frames and brackets.',
    },
  },
];
