import { registerEnumType } from '@nestjs/graphql';

export enum VerificationStatusEnum {
  UNVERIFIED = 'UNVERIFIED',
  VERIFIED = 'VERIFIED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(VerificationStatusEnum, {
  name: 'VerificationStatus',
  description: "Set by the support centre (ADMIN) after checking a supplier's or buyer's records.",
});

export enum OwnershipTypeEnum {
  DOMESTIC = 'DOMESTIC',
  FDI = 'FDI',
  JOINT_VENTURE = 'JOINT_VENTURE',
}
registerEnumType(OwnershipTypeEnum, { name: 'OwnershipType', description: 'Domestic, foreign-invested (FDI) or joint venture.' });

export enum QuantityUnit {
  PCS = 'PCS',
  SETS = 'SETS',
  KG = 'KG',
  TONNES = 'TONNES',
  METRES = 'METRES',
  SQUARE_METRES = 'SQUARE_METRES',
  MACHINE_HOURS = 'MACHINE_HOURS',
}
registerEnumType(QuantityUnit, { name: 'QuantityUnit', description: 'Unit of a capacity or quantity.' });

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
registerEnumType(EquipmentKind, { name: 'EquipmentKind', description: 'Kind of production or inspection equipment.' });
