import { registerEnumType } from '@nestjs/graphql';

export enum NeedStatusEnum {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  AWARDED = 'AWARDED',
}
registerEnumType(NeedStatusEnum, {
  name: 'NeedStatus',
  description: 'DRAFT (only the buyer sees it) → OPEN (published) → CLOSED or AWARDED.',
  valuesMap: {
    DRAFT: { description: "Being written: only the buyer's members (and ADMIN) see it." },
    OPEN: { description: 'Published: suppliers may see it, as its visibility allows, and be invited.' },
    CLOSED: { description: 'Ended without an award; read-only.' },
    AWARDED: { description: 'Awarded to a supplier that accepted its invitation; read-only.' },
  },
});

export enum NeedVisibilityEnum {
  PUBLIC = 'PUBLIC',
  ANONYMOUS = 'ANONYMOUS',
  PRIVATE = 'PRIVATE',
}
registerEnumType(NeedVisibilityEnum, {
  name: 'NeedVisibility',
  description:
    'PUBLIC: every verified supplier sees it. ANONYMOUS: visible, buyer hidden until revealed to an invited supplier. PRIVATE: only the buyer and invited suppliers.',
  valuesMap: {
    PUBLIC: { description: 'Every verified supplier sees it, with the buyer.' },
    ANONYMOUS: { description: 'Every verified supplier sees it, but not the buyer until the buyer reveals itself to an invited supplier.' },
    PRIVATE: { description: 'Only the buyer and the suppliers it invited see it.' },
  },
});

export enum Currency {
  VND = 'VND',
  USD = 'USD',
  JPY = 'JPY',
  KRW = 'KRW',
  EUR = 'EUR',
}
registerEnumType(Currency, {
  name: 'Currency',
  description: 'Currency of a price (ISO 4217).',
  valuesMap: {
    VND: { description: 'Vietnamese đồng.' },
    USD: { description: 'United States dollar.' },
    JPY: { description: 'Japanese yen.' },
    KRW: { description: 'South Korean won.' },
    EUR: { description: 'Euro.' },
  },
});
