import { Inject } from '@nestjs/common';
import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { type CallerRateLimit, ClientIp, CurrentActor, type MaybeActor } from '#libs/accounts';
import { Public, selectedFields } from '#libs/core';
import { SEARCH_RATE_LIMIT } from './search-rate-limit.js';
import { SearchAdmission } from './search-admission.js';
import { SearchSuppliersInput } from './search.inputs.js';
import { SupplierSearchResultModel } from './search.models.js';
import { SupplierSearchService } from './supplier-search.service.js';

@Resolver()
export class SearchResolver {
  constructor(
    private readonly search: SupplierSearchService,
    private readonly admission: SearchAdmission,
    @Inject(SEARCH_RATE_LIMIT) private readonly rateLimit: CallerRateLimit,
  ) {}

  @Public()
  @Query(() => SupplierSearchResultModel, {
    description:
      'Full-text and faceted supplier search (Vietnamese-first; also English, Japanese, Korean). Suspended suppliers are never returned. Rate-limited per signed-in user, or per client address when anonymous; SEARCH_UNAVAILABLE (HTTP 503 with Retry-After) when Meilisearch fails or the API is over capacity.',
  })
  async searchSuppliers(
    @Args('input', { description: 'What to search for, the filters and the page.' }) input: SearchSuppliersInput,
    @CurrentActor() actor: MaybeActor,
    @ClientIp() ip: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SupplierSearchResultModel> {
    // Admission first: a shed request costs no SQL (not even the rate-limit check) and no Meilisearch time.
    return this.admission.run(async () => {
      await this.rateLimit.hit(actor, ip);
      return this.search.search(actor, input, selectedFields(info, ['hits', 'supplier']));
    });
  }
}
