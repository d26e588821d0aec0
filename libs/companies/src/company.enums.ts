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

export enum SupplierDataSourceEnum {
  VISIT = 'VISIT',
  PHONE = 'PHONE',
  REGISTRY_FILE = 'REGISTRY_FILE',
  SME_SUBMISSION = 'SME_SUBMISSION',
}
registerEnumType(SupplierDataSourceEnum, {
  name: 'SupplierDataSource',
  description: "How the centre's staff obtained the data of a profile they entered on an SME's behalf.",
  valuesMap: {
    VISIT: { description: 'Seen and noted on a visit to the factory.' },
    PHONE: { description: 'Given by the SME over the phone.' },
    REGISTRY_FILE: { description: "Taken from a registry file or spreadsheet (the department's, a zone's, an association's)." },
    SME_SUBMISSION: { description: 'Sent in by the SME itself (a form, an email, a paper sheet) and typed in by the centre.' },
  },
});

export enum SupplierMaintainerEnum {
  SELF = 'SELF',
  CENTRE = 'CENTRE',
}
registerEnumType(SupplierMaintainerEnum, {
  name: 'SupplierMaintainer',
  description: 'Who keeps a supplier profile up to date.',
  valuesMap: {
    SELF: { description: "Self-maintained: the SME's own members (it created the profile, or claimed it with a claim code)." },
    CENTRE: { description: "The centre's staff, on the SME's behalf, until the SME claims it." },
  },
});

export enum SupplierAuditActionEnum {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
  VERIFICATION_CHANGED = 'VERIFICATION_CHANGED',
  IMPORTED = 'IMPORTED',
  CONSENT_CHANGED = 'CONSENT_CHANGED',
  CLAIM_CODE_ISSUED = 'CLAIM_CODE_ISSUED',
  CLAIMED = 'CLAIMED',
}
registerEnumType(SupplierAuditActionEnum, {
  name: 'SupplierAuditAction',
  description: 'What an audited change to a supplier profile was.',
  valuesMap: {
    CREATED: { description: 'The profile was created (by its SME, by the centre on its behalf, or as demo or synthetic data).' },
    UPDATED: { description: 'Fields were changed (updateSupplier).' },
    DELETED: { description: 'The profile was deleted.' },
    VERIFICATION_CHANGED: { description: 'The centre verified, un-verified or suspended it.' },
    IMPORTED: { description: 'The registry import created or changed it.' },
    CONSENT_CHANGED: { description: "The SME's consent to publish was recorded or withdrawn." },
    CLAIM_CODE_ISSUED: { description: 'The centre issued a claim code for it (any older code stopped working).' },
    CLAIMED: { description: 'The SME claimed it with a claim code and maintains it from then on.' },
  },
});

export enum AuditActorRoleEnum {
  MEMBER = 'MEMBER',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
  PLATFORM = 'PLATFORM',
}
registerEnumType(AuditActorRoleEnum, {
  name: 'AuditActorRole',
  description: 'The capacity the author of an audited change acted in.',
  valuesMap: {
    MEMBER: { description: "A member of the supplier (the SME's own people)." },
    STAFF: { description: "The centre's field staff, on the SME's behalf." },
    ADMIN: { description: "The centre's administrators (verification, registry import, edits)." },
    PLATFORM: { description: 'The platform itself: demo data and synthetic suppliers, without a user.' },
  },
});
