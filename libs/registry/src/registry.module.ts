import { Module } from '@nestjs/common';
import { CompaniesModule } from '#libs/companies';
import { RegistryResolver } from './registry.resolver.js';
import { RegistryService } from './registry.service.js';

/** The supplier registry import over GraphQL (the CLI uses RegistryImporter directly). */
@Module({
  imports: [CompaniesModule],
  providers: [RegistryService, RegistryResolver],
})
export class RegistryModule {}
