import { Module } from '@nestjs/common';
import { CompaniesModule } from '#libs/companies';
import { SourcingModule } from '#libs/sourcing';
import { UpgradesResolver } from './upgrades.resolver.js';
import { UpgradesService } from './upgrades.service.js';

/** Upgrade paths for suppliers (the pure core is upgrade-paths.ts). */
@Module({
  imports: [CompaniesModule, SourcingModule],
  providers: [UpgradesService, UpgradesResolver],
  exports: [UpgradesService],
})
export class UpgradesModule {}
