import { ACCOUNT_ENTITIES } from '#libs/accounts';
import { COMPANY_ENTITIES } from '#libs/companies';
import { INTRODUCTION_ENTITIES } from '#libs/introductions';
import { SOURCING_ENTITIES } from '#libs/sourcing';

/** Every TypeORM entity of the service, from the libs that own them. */
export const ENTITIES = [...ACCOUNT_ENTITIES, ...COMPANY_ENTITIES, ...SOURCING_ENTITIES, ...INTRODUCTION_ENTITIES];
