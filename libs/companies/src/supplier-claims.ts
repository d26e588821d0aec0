import { type DynamicModule, Inject, Injectable, Module } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Mutation, Resolver } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  ClientIp,
  CurrentActor,
  type MaybeActor,
  PostgresRateLimitCounters,
  RateLimit,
  requireActor,
  requireCentreStaff,
} from '#libs/accounts';
import { ValidationFailed } from '#libs/core';
import { inTransaction } from '#libs/database';
import { CompaniesModule } from './companies.module.js';
import { SupplierClaimCodeModel, SupplierModel } from './company.models.js';
import { claimCodeHash, CLAIM_CODE_SHAPE, normaliseClaimCode } from './claim-codes.js';
import { auditActorOf } from './supplier-audit.js';
import { SupplierRepository } from './supplier.repository.js';
import { SuppliersService } from './suppliers.service.js';

export interface ClaimOptions {
  codeTtlDays: number;
  perUser: number;
  perAddress: number;
  windowSeconds: number;
}

const CLAIM_OPTIONS = Symbol('CLAIM_OPTIONS');

@Injectable()
export class SupplierClaimsService {
  private readonly byUser: RateLimit;
  private readonly byAddress: RateLimit;

  constructor(
    private readonly dataSource: DataSource,
    private readonly rows: SupplierRepository,
    private readonly suppliers: SuppliersService,
    @Inject(CLAIM_OPTIONS) private readonly options: ClaimOptions,
  ) {
    const counters = new PostgresRateLimitCounters(dataSource);
    this.byUser = new RateLimit(counters, 'claim-user', options.perUser, options.windowSeconds * 1000);
    this.byAddress = new RateLimit(counters, 'claim-address', options.perAddress, options.windowSeconds * 1000);
  }

  /**
   * The centre's staff issue a one-time code for a profile they keep on an SME's behalf; any older
   * live code stops working. The code is returned once and only its hash is stored.
   */
  async issue(actor: MaybeActor, supplierId: string): Promise<SupplierClaimCodeModel> {
    const staff = requireCentreStaff(actor);
    const issued = await inTransaction(this.dataSource, (manager) =>
      this.suppliers.issueClaimCodeWithin(manager, supplierId, { ...auditActorOf(staff), userId: staff.userId }, this.options.codeTtlDays),
    );
    return { supplierId, ...issued };
  }

  /**
   * The signed-in SME user claims the profile the code was issued for: they become its member and
   * it is self-maintained from now on. Every attempt counts against the caller's and the address's
   * limits; a wrong, used, replaced or expired code names no supplier.
   */
  async claim(actor: MaybeActor, code: string, clientAddress: string): Promise<SupplierModel> {
    const user = requireActor(actor);
    await this.byUser.hit(user.userId);
    await this.byAddress.hit(clientAddress);
    const normalised = normaliseClaimCode(code);
    if (!normalised) throw ValidationFailed.of('code', `is not a claim code: ${CLAIM_CODE_SHAPE}`);
    const supplierId = await inTransaction(this.dataSource, async (manager) => {
      const found = await this.rows.findClaimCodeForUpdate(manager, claimCodeHash(normalised));
      if (!found) throw ValidationFailed.of('code', 'matches no claim code: check it with the centre staff who gave it to you');
      if (found.usedAt) throw ValidationFailed.of('code', 'has already been used: ask the centre for a new one if you still need it');
      if (found.revokedAt) throw ValidationFailed.of('code', 'was replaced by a newer code: use the latest code the centre gave you');
      if (found.expired) throw ValidationFailed.of('code', 'has expired: ask the centre for a new one');
      await this.suppliers.audited(
        manager,
        [found.supplierId],
        { userId: user.userId, role: 'MEMBER' },
        'CLAIMED',
        async () => {
          await this.rows.markClaimCodeUsed(manager, found.id, user.userId);
          await this.rows.addMember(manager, user.userId, found.supplierId);
          await this.rows.markClaimed(manager, found.supplierId, user.userId);
          await this.rows.enqueueSearchUpdate(manager, found.supplierId, 'claimed');
        },
        true,
      );
      return found.supplierId;
    });
    return this.suppliers.getVisible({ ...user, supplierIds: new Set([...user.supplierIds, supplierId]) }, supplierId);
  }
}

@ArgsType()
class IssueClaimCodeArgs {
  @Field(() => ID, { description: 'The profile the centre keeps on the SME’s behalf.' })
  @IsUUID('all', { message: 'must be a UUID' })
  supplierId: string;
}

@ArgsType()
class ClaimArgs {
  @Field({ description: 'The claim code the centre handed over (case, spaces and dashes do not matter).' })
  @IsString()
  @MaxLength(64)
  code: string;
}

@Resolver()
export class SupplierClaimsResolver {
  constructor(private readonly claims: SupplierClaimsService) {}

  @Mutation(() => SupplierClaimCodeModel, {
    description:
      "ADMIN and STAFF: a one-time claim code for a profile the centre keeps on an SME's behalf (shown once; expires; replaces any older code).",
  })
  issueSupplierClaimCode(@Args() { supplierId }: IssueClaimCodeArgs, @CurrentActor() actor: MaybeActor): Promise<SupplierClaimCodeModel> {
    return this.claims.issue(actor, supplierId);
  }

  @Mutation(() => SupplierModel, {
    description:
      'The signed-in user claims the profile a claim code was issued for: they become its member and maintain it themselves. Rate-limited per user and per client address.',
  })
  claimSupplier(@Args() { code }: ClaimArgs, @CurrentActor() actor: MaybeActor, @ClientIp() ip: string): Promise<SupplierModel> {
    return this.claims.claim(actor, code, ip);
  }
}

/** Claim codes and claims; `options` from the configuration (CLAIM_*). */
@Module({})
export class SupplierClaimsModule {
  static forRoot(options: ClaimOptions): DynamicModule {
    return {
      module: SupplierClaimsModule,
      imports: [CompaniesModule],
      providers: [{ provide: CLAIM_OPTIONS, useValue: options }, SupplierClaimsService, SupplierClaimsResolver],
    };
  }
}
