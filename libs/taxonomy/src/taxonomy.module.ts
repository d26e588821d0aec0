import { Global, Module } from '@nestjs/common';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyResolver } from './taxonomy.resolver.js';
import { CapabilityExtractionResolver } from './capability-extraction.resolver.js';

/** Provides the `Taxonomy` (loaded once from the shipped data files) everywhere, and its GraphQL queries. */
@Global()
@Module({
  providers: [{ provide: Taxonomy, useFactory: (): Taxonomy => Taxonomy.load() }, TaxonomyResolver, CapabilityExtractionResolver],
  exports: [Taxonomy],
})
export class TaxonomyModule {}
