import { registerEnumType } from '@nestjs/graphql';

/** The six vocabularies of the capability taxonomy; each is a forest of terms with codes unique per kind. */
export enum TaxonomyKind {
  PROCESS = 'PROCESS',
  MATERIAL = 'MATERIAL',
  PRODUCT_GROUP = 'PRODUCT_GROUP',
  CERTIFICATION = 'CERTIFICATION',
  SECTOR = 'SECTOR',
  ZONE = 'ZONE',
}

/** Kinds in their canonical order (used to order results across kinds). */
export const TAXONOMY_KINDS: readonly TaxonomyKind[] = Object.values(TaxonomyKind);

registerEnumType(TaxonomyKind, {
  name: 'TaxonomyKind',
  description: 'A vocabulary of the capability taxonomy.',
  valuesMap: {
    PROCESS: { description: 'Manufacturing processes a supplier can perform (machining, stamping, moulding, plating, SMT...).' },
    MATERIAL: {
      description: 'Materials a supplier works with (steel grades, aluminium, copper alloys, plastics, rubbers, PCB laminates).',
    },
    PRODUCT_GROUP: {
      description: 'Supporting-industry product groups of Decree 111/2015 as amended by Decree 205/2025, with finer categories.',
    },
    CERTIFICATION: {
      description:
        'Management-system certificates, workmanship standards and compliance schemes (ISO 9001, IATF 16949, IPC-A-610, RoHS...).',
    },
    SECTOR: { description: 'Industries that buyers and suppliers serve (electronics, automotive, office equipment...).' },
    ZONE: { description: 'Industrial zones of Hải Phòng, including the former Hải Dương province, grouped by former province.' },
  },
});
