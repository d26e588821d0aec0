import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { SupplierModel } from '#libs/companies';

@ObjectType('SearchHighlight', {
  description:
    "A matched passage as HTML: the profile's text HTML-escaped (& < > \" ' as &amp; &lt; &gt; &quot; &#39;), then its matches wrapped in <mark>…</mark>, " +
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
  @Field(() => Float, { nullable: true, description: 'Distance from the search centre in km, when one was given.' }) distanceKm:
    number | null;
}

@ObjectType('FacetValue', { description: 'One value of a facet and how many hits have it.' })
export class FacetValueModel {
  @Field({ description: 'Code of the value (a taxonomy code, or VERIFIED/UNVERIFIED): pass it back as a filter.' }) code: string;
  @Field({ description: 'Label in the requested language.' }) label: string;
  @Field(() => Int, { description: 'Hits with this value.' }) count: number;
}

@ObjectType('Facet', { description: 'Counts of hits per value of one field.' })
export class FacetModel {
  @Field({ description: 'processes, materials, productGroups, certifications, zone, sectors or verificationStatus.' }) field: string;
  @Field(() => [FacetValueModel], { description: 'Values, most frequent first.' }) values: FacetValueModel[];
}

@ObjectType('UnderstoodTerm', { description: 'A taxonomy term read from the query.' })
export class UnderstoodTermModel {
  @Field({ description: 'Taxonomy code of the term (pass it back as a filter).' }) code: string;
  @Field({ description: 'Label in the requested language.' }) label: string;
}

@ObjectType('SearchUnderstanding', {
  description:
    'What the query was read as. A certification named in it filters (as if given in `certifications`); a zone named orders equally relevant hits nearest first; long queries keep the words that name a capability. Search again with `literal: true` to drop all of it.',
})
export class SearchUnderstandingModel {
  @Field(() => String, { nullable: true, description: 'The words matched against profiles (null: none, filters only).' }) query:
    string | null;
  @Field(() => [UnderstoodTermModel], { description: 'Processes the query names.' }) processes: UnderstoodTermModel[];
  @Field(() => [UnderstoodTermModel], { description: 'Certifications the query names, filtered on (valid today).' })
  certifications: UnderstoodTermModel[];
  @Field(() => UnderstoodTermModel, { nullable: true, description: 'An industrial zone the query names: a location preference.' })
  zone: UnderstoodTermModel | null;
  @Field({ description: 'One line to show, e.g. "searching for: CNC turning · near KCN Đình Vũ" (empty when there was no query).' })
  summary: string;
}

@ObjectType('SupplierSearchResult', { description: 'A page of search hits with exact totals and facets.' })
export class SupplierSearchResultModel {
  @Field(() => Int, { description: 'All hits, exactly.' }) totalHits: number;
  @Field(() => Int, { description: 'Pages at this page size.' }) totalPages: number;
  @Field(() => Int, { description: 'Number of this page, from 1.' }) page: number;
  @Field(() => Int, { description: 'Page size.' }) hitsPerPage: number;
  @Field(() => [SupplierSearchHitModel], { description: 'Hits on this page.' }) hits: SupplierSearchHitModel[];
  @Field(() => [FacetModel], { description: 'Facet counts over all hits.' }) facets: FacetModel[];
  @Field(() => Int, { description: 'Time Meilisearch took, ms.' }) processingTimeMs: number;
  @Field(() => SearchUnderstandingModel, { description: 'What the query was read as.' }) understood: SearchUnderstandingModel;
}
