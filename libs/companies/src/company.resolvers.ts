import { Args, ArgsType, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { CurrentActor, type MaybeActor } from '#libs/accounts';
import { Language, PageArgs, Public } from '#libs/core';
import { Taxonomy } from '#libs/taxonomy';
import { BuyerFilterInput, CreateBuyerInput, SetBuyerVerificationStatusInput, UpdateBuyerInput } from './buyer.inputs.js';
import { BuyersService } from './buyers.service.js';
import {
  BuyerConnection,
  BuyerModel,
  SupplierAuditEntryConnection,
  SupplierConnection,
  SupplierModel,
  TaxonomyRefModel,
  VerificationQueueConnection,
  VerificationQueueItemModel,
} from './company.models.js';
import {
  CreateSupplierInput,
  OnboardingInput,
  SetVerificationStatusInput,
  SupplierFilterInput,
  UpdateSupplierInput,
} from './supplier.inputs.js';
import { SuppliersService } from './suppliers.service.js';

@ArgsType()
class IdArgs {
  @Field(() => ID, { description: "The company's stable id (the `id` of a Supplier or Buyer)." })
  @IsUUID('all', { message: 'must be a UUID' })
  id: string;
}

@ArgsType()
class VersionedIdArgs extends IdArgs {
  @Field(() => Int, { description: 'The version you saw; a stale one fails with CONFLICT.' }) @IsInt() @Min(1) version: number;
}

@ArgsType()
class SupplierListArgs extends PageArgs {
  @Field(() => SupplierFilterInput, { nullable: true, description: 'Only suppliers matching all of these.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupplierFilterInput)
  filter?: SupplierFilterInput;
}

@ArgsType()
class PublicationConsentArgs {
  @Field(() => ID, { description: 'The supplier whose consent is recorded.' })
  @IsUUID('all', { message: 'must be a UUID' })
  supplierId: string;
  @Field(() => Int, { description: 'The version you saw; a stale one fails with CONFLICT.' }) @IsInt() @Min(1) version: number;
  @Field({ description: 'True: the SME agrees to publish (directory, search, matching). False: it withdraws its consent.' })
  @IsBoolean()
  consent: boolean;
}

@ArgsType()
class AuditLogArgs extends PageArgs {
  @Field(() => ID, { description: 'The supplier whose log to read.' })
  @IsUUID('all', { message: 'must be a UUID' })
  supplierId: string;
}

@ArgsType()
class CentreEnteredArgs extends PageArgs {
  @Field({
    defaultValue: true,
    description: 'True: only the profiles still waiting for their SME (not yet claimed, or not yet published). False: all of them.',
  })
  @IsBoolean()
  pending: boolean = true;
}

@ArgsType()
class QueueArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many (1–200).' }) @IsInt() @Min(1) @Max(200) first: number;
}

@ArgsType()
class BuyerListArgs extends PageArgs {
  @Field(() => BuyerFilterInput, { nullable: true, description: 'Only buyers matching all of these.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BuyerFilterInput)
  filter?: BuyerFilterInput;
}

@Resolver(() => SupplierModel)
export class SupplierResolver {
  constructor(private readonly suppliers: SuppliersService) {}

  @Public()
  @Query(() => SupplierModel, { description: 'One supplier. Contact details and private customers only for its members and ADMIN.' })
  supplier(@Args() { id }: IdArgs, @CurrentActor() actor: MaybeActor): Promise<SupplierModel> {
    return this.suppliers.getVisible(actor, id);
  }

  @Public()
  @Query(() => SupplierConnection, {
    name: 'suppliers',
    description: 'Suppliers, newest first, filtered (a Relay-style connection; `first` at most 100).',
  })
  listSuppliers(@Args() args: SupplierListArgs, @CurrentActor() actor: MaybeActor): Promise<SupplierConnection> {
    return this.suppliers.list(actor, args.filter, args.first, args.after);
  }

  @Mutation(() => SupplierModel, { description: 'Publishes a supplier profile; the caller becomes its member.' })
  createSupplier(
    @Args('input', { description: 'The new profile; the caller becomes its member.' }) input: CreateSupplierInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<SupplierModel> {
    return this.suppliers.create(actor, input);
  }

  @Mutation(() => SupplierModel, {
    description:
      "ADMIN and STAFF: enters a supplier profile on an SME's behalf (the caller does not become a member), with how the data was obtained and whether the SME consented to publish it.",
  })
  createSupplierOnBehalf(
    @Args('input', { description: 'The profile, as the SME would enter it.' }) input: CreateSupplierInput,
    @Args('onboarding', { description: "How the data was obtained, and the SME's consent." }) onboarding: OnboardingInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<SupplierModel> {
    return this.suppliers.createOnBehalf(actor, input, onboarding);
  }

  @Mutation(() => SupplierModel, {
    description:
      "Records the SME's consent to publish its profile, or its withdrawal: its members, or ADMIN and STAFF on its behalf. Unpublished profiles stay out of the directory, search and matching.",
  })
  setSupplierPublicationConsent(@Args() args: PublicationConsentArgs, @CurrentActor() actor: MaybeActor): Promise<SupplierModel> {
    return this.suppliers.setPublicationConsent(actor, args.supplierId, args.version, args.consent);
  }

  @Query(() => SupplierAuditEntryConnection, {
    description:
      "Every change to a supplier's profile, newest first (who, in what capacity, when, which fields; confidential values never): for its members, ADMIN and STAFF.",
  })
  supplierAuditLog(
    @Args() { supplierId, first, after }: AuditLogArgs,
    @CurrentActor() actor: MaybeActor,
  ): Promise<SupplierAuditEntryConnection> {
    return this.suppliers.auditLog(actor, supplierId, first, after);
  }

  @Mutation(() => SupplierModel, { description: "Changes a supplier (its members, ADMIN or the centre's STAFF), at the version edited." })
  updateSupplier(
    @Args('input', { description: 'The supplier, the version you edited and the fields to change.' }) input: UpdateSupplierInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<SupplierModel> {
    return this.suppliers.update(actor, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a supplier profile (its members or ADMIN), at the version seen.' })
  deleteSupplier(@Args() { id, version }: VersionedIdArgs, @CurrentActor() actor: MaybeActor): Promise<boolean> {
    return this.suppliers.delete(actor, id, version);
  }

  @Query(() => SupplierConnection, {
    description:
      "ADMIN and STAFF: the profiles the centre's staff entered on SMEs' behalf, newest first, with their `onboarding` record (a Relay-style connection; `first` at most 100).",
  })
  centreEnteredSuppliers(
    @Args() { pending, first, after }: CentreEnteredArgs,
    @CurrentActor() actor: MaybeActor,
  ): Promise<SupplierConnection> {
    return this.suppliers.enteredByCentre(actor, pending, first, after);
  }

  @Query(() => [VerificationQueueItemModel], {
    description:
      'ADMIN only: unverified suppliers, the longest waiting first, for review: the first `first` only (verificationQueuePage pages through all).',
  })
  async verificationQueue(@Args() { first }: QueueArgs, @CurrentActor() actor: MaybeActor): Promise<VerificationQueueItemModel[]> {
    return (await this.suppliers.verificationQueue(actor, first)).edges.map((edge) => edge.node);
  }

  @Query(() => VerificationQueueConnection, {
    description:
      'ADMIN only: unverified suppliers, the longest waiting first, a page at a time (a Relay-style connection; `first` at most 100).',
  })
  verificationQueuePage(@Args() { first, after }: PageArgs, @CurrentActor() actor: MaybeActor): Promise<VerificationQueueConnection> {
    return this.suppliers.verificationQueue(actor, first, after);
  }

  @Mutation(() => SupplierModel, { description: 'ADMIN only: verifies, un-verifies or suspends a supplier.' })
  setVerificationStatus(
    @Args('input', { description: 'The supplier and its new status.' }) input: SetVerificationStatusInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<SupplierModel> {
    return this.suppliers.setVerificationStatus(actor, input);
  }
}

@Resolver(() => BuyerModel)
export class BuyerResolver {
  constructor(private readonly buyers: BuyersService) {}

  @Public()
  @Query(() => BuyerModel, { description: 'One buyer. Contact details only for its members and ADMIN.' })
  buyer(@Args() { id }: IdArgs, @CurrentActor() actor: MaybeActor): Promise<BuyerModel> {
    return this.buyers.get(actor, id);
  }

  @Public()
  @Query(() => BuyerConnection, {
    name: 'buyers',
    description: 'Buyers, newest first, filtered (a Relay-style connection; `first` at most 100).',
  })
  listBuyers(@Args() args: BuyerListArgs, @CurrentActor() actor: MaybeActor): Promise<BuyerConnection> {
    return this.buyers.list(actor, args.filter, args.first, args.after);
  }

  @Mutation(() => BuyerModel, { description: 'Creates a buyer profile; the caller becomes its member.' })
  createBuyer(
    @Args('input', { description: 'The new profile; the caller becomes its member.' }) input: CreateBuyerInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<BuyerModel> {
    return this.buyers.create(actor, input);
  }

  @Mutation(() => BuyerModel, { description: 'Changes a buyer (its members or ADMIN), at the version edited.' })
  updateBuyer(
    @Args('input', { description: 'The buyer, the version you edited and the fields to change.' }) input: UpdateBuyerInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<BuyerModel> {
    return this.buyers.update(actor, input);
  }

  @Mutation(() => BuyerModel, {
    description: 'ADMIN only: verifies, un-verifies or suspends a buyer (suppliers see the needs of VERIFIED buyers only).',
  })
  setBuyerVerificationStatus(
    @Args('input', { description: 'The buyer and its new status.' }) input: SetBuyerVerificationStatusInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<BuyerModel> {
    return this.buyers.setVerificationStatus(actor, input);
  }
}

@Resolver(() => TaxonomyRefModel)
export class TaxonomyRefResolver {
  constructor(private readonly taxonomy: Taxonomy) {}

  @ResolveField(() => String, { description: 'Label in the requested language (falls back to en, then vi).' })
  // A plain enum argument (GraphQL validates it), not an args class: this runs for every code of
  // every hit, and class-validator there cost more than the label lookup.
  label(
    @Parent() ref: TaxonomyRefModel,
    @Args('lang', { type: () => Language, defaultValue: Language.vi, description: 'Language of the label.' }) lang: Language,
  ): string {
    return this.taxonomy.label(ref.kind, ref.code, lang);
  }
}

/**
 * Resolves `TaxonomyRef.label` with a plain function (GraphQLModule's `transformSchema`): the field
 * stays declared by TaxonomyRefResolver (its argument, default and description), but a search
 * resolves it for every zone, process and facet value of every hit (about a hundred times per
 * search), and Nest's resolver pipeline around it (parameter pipes, an async wrapper that made
 * graphql-js await each label) cost more than the lookup. It has no guard, pipe or error to handle.
 */
export function withPlainTaxonomyLabels(schema: GraphQLSchema, taxonomy: Taxonomy): GraphQLSchema {
  const type = schema.getType('TaxonomyRef');
  if (!(type instanceof GraphQLObjectType)) throw new Error('no TaxonomyRef type in the schema');
  type.getFields().label.resolve = (ref: TaxonomyRefModel, args: { lang: Language }) => taxonomy.label(ref.kind, ref.code, args.lang);
  return schema;
}
