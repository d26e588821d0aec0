import { Module } from '@nestjs/common';
import { CompaniesModule } from '#libs/companies';
import { NeedRepository } from './need.repository.js';
import { SourcingNeedsResolver } from './sourcing-needs.resolver.js';
import { SourcingNeedsService } from './sourcing-needs.service.js';

@Module({
  imports: [CompaniesModule],
  providers: [NeedRepository, SourcingNeedsService, SourcingNeedsResolver],
  exports: [NeedRepository, SourcingNeedsService],
})
export class SourcingModule {}
