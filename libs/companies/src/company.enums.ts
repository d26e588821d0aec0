import { registerEnumType } from '@nestjs/graphql';

export enum VerificationStatusEnum {
  UNVERIFIED = 'UNVERIFIED',
  VERIFIED = 'VERIFIED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(VerificationStatusEnum, {
  name: 'VerificationStatus',
  description: "Set by the support centre (ADMIN) after checking a supplier's or buyer's records.",
  valuesMap: {
    UNVERIFIED: {
      description: 'Not checked yet, or changed since it was: listed, but ranked below verified companies; its needs reach no supplier.',
    },
    VERIFIED: { description: 'Records checked by the support centre.' },
    SUSPENDED: {
      description: 'Taken off the platform by the support centre: hidden from search, matching and lists (ADMIN still sees it).',
    },
  },
});

export enum OwnershipTypeEnum {
  DOMESTIC = 'DOMESTIC',
  FDI = 'FDI',
  JOINT_VENTURE = 'JOINT_VENTURE',
}
registerEnumType(OwnershipTypeEnum, {
  name: 'OwnershipType',
  description: 'Domestic, foreign-invested (FDI) or joint venture.',
  valuesMap: {
    DOMESTIC: { description: 'Vietnamese-owned: what localisation counts as a domestic award.' },
    FDI: { description: 'Wholly foreign-invested enterprise.' },
    JOINT_VENTURE: { description: 'Vietnamese and foreign owners together.' },
  },
});

export enum QuantityUnit {
  PCS = 'PCS',
  SETS = 'SETS',
  KG = 'KG',
  TONNES = 'TONNES',
  METRES = 'METRES',
  SQUARE_METRES = 'SQUARE_METRES',
  MACHINE_HOURS = 'MACHINE_HOURS',
}
registerEnumType(QuantityUnit, {
  name: 'QuantityUnit',
  description: 'Unit of a capacity or quantity; capacities in different units are never compared.',
  valuesMap: {
    PCS: { description: 'Pieces (single parts).' },
    SETS: { description: 'Sets or assemblies of several parts.' },
    KG: { description: 'Kilograms.' },
    TONNES: { description: 'Metric tonnes (1 000 kg).' },
    METRES: { description: 'Linear metres (wire, tube, profiles).' },
    SQUARE_METRES: { description: 'Square metres (sheet, coating, PCB area).' },
    MACHINE_HOURS: { description: 'Hours of machine time offered (job shops).' },
  },
});

export enum EquipmentKind {
  CNC_MACHINING_CENTRE = 'CNC_MACHINING_CENTRE',
  CNC_LATHE = 'CNC_LATHE',
  CONVENTIONAL_MACHINE_TOOL = 'CONVENTIONAL_MACHINE_TOOL',
  GRINDER = 'GRINDER',
  WIRE_EDM = 'WIRE_EDM',
  SINKER_EDM = 'SINKER_EDM',
  PRESS = 'PRESS',
  PRESS_BRAKE = 'PRESS_BRAKE',
  LASER_CUTTER = 'LASER_CUTTER',
  INJECTION_MOULDING_MACHINE = 'INJECTION_MOULDING_MACHINE',
  DIE_CASTING_MACHINE = 'DIE_CASTING_MACHINE',
  FURNACE = 'FURNACE',
  WELDING_ROBOT = 'WELDING_ROBOT',
  PLATING_LINE = 'PLATING_LINE',
  PAINT_LINE = 'PAINT_LINE',
  SMT_LINE = 'SMT_LINE',
  WAVE_SOLDERING = 'WAVE_SOLDERING',
  WIRE_PROCESSING = 'WIRE_PROCESSING',
  CMM = 'CMM',
  OTHER = 'OTHER',
}
registerEnumType(EquipmentKind, {
  name: 'EquipmentKind',
  description: 'Kind of production or inspection equipment.',
  valuesMap: {
    CNC_MACHINING_CENTRE: { description: 'CNC milling or machining centre (see axes, bedSize).' },
    CNC_LATHE: { description: 'CNC lathe or turning centre.' },
    CONVENTIONAL_MACHINE_TOOL: { description: 'Manual lathe, mill or drill.' },
    GRINDER: { description: 'Surface, cylindrical or centreless grinding machine.' },
    WIRE_EDM: { description: 'Wire electrical discharge machine (wire cut).' },
    SINKER_EDM: { description: 'Die-sinking electrical discharge machine.' },
    PRESS: { description: 'Mechanical or hydraulic stamping press (see pressTonnage).' },
    PRESS_BRAKE: { description: 'Sheet-metal bending machine.' },
    LASER_CUTTER: { description: 'Laser cutting machine for sheet or tube.' },
    INJECTION_MOULDING_MACHINE: { description: 'Plastic injection moulding machine (see clampForceTonnes).' },
    DIE_CASTING_MACHINE: { description: 'Aluminium or zinc die casting machine (see clampForceTonnes).' },
    FURNACE: { description: 'Heat-treatment or melting furnace.' },
    WELDING_ROBOT: { description: 'Robotic welding cell.' },
    PLATING_LINE: { description: 'Electroplating or anodising line.' },
    PAINT_LINE: { description: 'Painting or powder-coating line.' },
    SMT_LINE: { description: 'Surface-mount assembly line for PCBs.' },
    WAVE_SOLDERING: { description: 'Wave or selective soldering machine for through-hole PCB assembly.' },
    WIRE_PROCESSING: { description: 'Wire cutting, stripping and crimping machines (wire harnesses).' },
    CMM: { description: 'Coordinate measuring machine for inspection.' },
    OTHER: { description: 'Anything else; describe it in notes.' },
  },
});
