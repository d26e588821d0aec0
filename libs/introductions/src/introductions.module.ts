import { Global, Module } from '@nestjs/common';
import { CONTACT_DISCLOSURE } from '#libs/companies';
import { SourcingModule } from '#libs/sourcing';
import { IntroductionRepository } from './introduction.repository.js';
import { IntroductionsResolver } from './introductions.resolver.js';
import { IntroductionsService } from './introductions.service.js';

/** Global so that companies and search can ask it (through CONTACT_DISCLOSURE) without importing it. */
@Global()
@Module({
  imports: [SourcingModule],
  providers: [
    IntroductionRepository,
    IntroductionsService,
    IntroductionsResolver,
    { provide: CONTACT_DISCLOSURE, useExisting: IntroductionsService },
  ],
  exports: [IntroductionsService, CONTACT_DISCLOSURE],
})
export class IntroductionsModule {}
