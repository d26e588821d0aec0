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
});

export enum Currency {
  VND = 'VND',
  USD = 'USD',
  JPY = 'JPY',
  KRW = 'KRW',
  EUR = 'EUR',
}
registerEnumType(Currency, { name: 'Currency', description: 'Currency of a price.' });
