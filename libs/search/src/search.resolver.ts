import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type MaybeActor } from '#libs/accounts';
import { SearchSuppliersInput } from './search.inputs.js';
import { SupplierSearchResultModel } from './search.models.js';
import { SupplierSearchService } from './supplier-search.service.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SupplierSearchService) {}

  @Query(() => SupplierSearchResultModel, {
    description: 'Full-text and faceted supplier search (Vietnamese-first; also English, Japanese, Korean). Suspended suppliers are never returned.',
  })
  searchSuppliers(@Args('input') input: SearchSuppliersInput, @CurrentActor() actor: MaybeActor): Promise<SupplierSearchResultModel> {
    return this.search.search(actor, input);
  }
}
