import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SupplierModel } from '#libs/companies';

@ObjectType('SearchHighlight', {
  description:
    'A matched passage as HTML: the profile\'s text HTML-escaped (& < > " \' as &amp; &lt; &gt; &quot; &#39;), then its matches wrapped in <mark>…</mark>, ' +
    'the only tags it ever contains. Safe to insert as HTML; for plain text, remove the two tags and unescape the five entities.',
})
export class SearchHighlightModel {
  @Field({ description: 'Which field matched (nameVi, descriptionEn, processes…).' }) field: string;
  @Field({ description: 'The passage: escaped text with <mark>…</mark> around the matches (see SearchHighlight).' }) snippet: string;
}

@ObjectType('SupplierSearchHit', { description: 'A supplier found, with its relevance.' })
export class SupplierSearchHitModel {
  @Field(() => Float, { description: 'Meilisearch ranking score, 0–1.' }) score: number;
  @Field(() => SupplierModel, { description: 'The supplier (public view; members and ADMIN see contacts).' }) supplier: SupplierModel;
  @Field(() => [SearchHighlightModel], { description: 'Where the query matched.' }) highlights: SearchHighlightModel[];
  @Field(() => Float, { nullable: true, description: 'Distance from the search centre in km, when one was given.' }) distanceKm: number | null;
}

@ObjectType('FacetValue', { description: 'One value of a facet and how many hits have it.' })
export class FacetValueModel {
  @Field({ description: 'Code.' }) code: string;
  @Field({ description: 'Label in the requested language.' }) label: string;
  @Field(() => Int, { description: 'Hits with this value.' }) count: number;
}

@ObjectType('Facet', { description: 'Counts of hits per value of one field.' })
export class FacetModel {
  @Field({ description: 'processes, materials, productGroups, certifications, zone, sectors or verificationStatus.' }) field: string;
  @Field(() => [FacetValueModel], { description: 'Values, most frequent first.' }) values: FacetValueModel[];
}

@ObjectType('SupplierSearchResult', { description: 'A page of search hits with exact totals and facets.' })
export class SupplierSearchResultModel {
  @Field(() => Int, { description: 'All hits, exactly.' }) totalHits: number;
  @Field(() => Int, { description: 'Pages at this page size.' }) totalPages: number;
  @Field(() => Int, { description: 'This page.' }) page: number;
  @Field(() => Int, { description: 'Page size.' }) hitsPerPage: number;
  @Field(() => [SupplierSearchHitModel], { description: 'Hits on this page.' }) hits: SupplierSearchHitModel[];
  @Field(() => [FacetModel], { description: 'Facet counts over all hits.' }) facets: FacetModel[];
  @Field(() => Int, { description: 'Time Meilisearch took, ms.' }) processingTimeMs: number;
}
