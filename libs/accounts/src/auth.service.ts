import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig } from '#libs/config';
import { DomainError, ErrorCode, Language, NotFound, RateLimited, Unauthenticated, ValidationFailed } from '#libs/core';
import { inTransaction, isUniqueViolation } from '#libs/database';
import { type Actor, type MaybeActor, requireActor, requireAdmin } from './actor.js';
import type { AuthPayloadModel, PlatformRoleEnum, RegisterInput, UserModel } from './account.models.js';
import { MembershipEntity, RefreshTokenEntity, UserEntity } from './entities.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { KnownAddresses } from './known-addresses.js';
import { PostgresRateLimitCounters, type RateLimitCounters } from './rate-limit-counters.js';
import { RateLimit } from './rate-limiter.js';
import { hashRefreshToken, TokenService } from './tokens.js';

const INVALID_LOGIN = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  private readonly counters: RateLimitCounters;
  private readonly loginByEmailAndAddress: RateLimit;
  private readonly loginByEmail: RateLimit;
  private readonly loginByAddress: RateLimit;
  private readonly registerLimit: RateLimit;
  private readonly knownAddresses: KnownAddresses;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
  ) {
    const windowMs = config.LOGIN_WINDOW_SECONDS * 1000;
    // In PostgreSQL, so that the limits hold across API instances taken together.
    this.counters = new PostgresRateLimitCounters(dataSource);
    this.loginByEmailAndAddress = new RateLimit(this.counters, 'login-email-address', config.LOGIN_MAX_ATTEMPTS, windowMs);
    // Looser, so that strangers spread over many addresses cannot lock the owner out of the
    // addresses they signed in from before (see login).
    this.loginByEmail = new RateLimit(this.counters, 'login-email', config.LOGIN_MAX_PER_EMAIL, windowMs);
    this.knownAddresses = new KnownAddresses(dataSource, config.REFRESH_TOKEN_TTL_DAYS * 86400000);
    // An office behind one NAT address shares this one, hence the larger allowance.
    this.loginByAddress = new RateLimit(this.counters, 'login-address', config.LOGIN_MAX_PER_ADDRESS, windowMs);
    this.registerLimit = new RateLimit(this.counters, 'register-address', config.REGISTER_MAX_ATTEMPTS, windowMs);
  }

  async register(input: RegisterInput, clientIp: string): Promise<AuthPayloadModel> {
    await this.registerLimit.hit(clientIp);
    const passwordHash = await hashPassword(input.password);
    const user = await inTransaction(this.dataSource, async (manager) => {
      const taken = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where('lower(u.email) = lower(:email)', { email: input.email })
        .getExists();
      if (taken) throw ValidationFailed.of('input.email', 'is already registered');
      try {
        return await manager.getRepository(UserEntity).save(
          manager.getRepository(UserEntity).create({
            email: input.email.trim(),
            passwordHash,
            displayName: input.displayName.trim(),
            platformRole: 'MEMBER',
            preferredLanguage: input.preferredLanguage ?? Language.vi,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw ValidationFailed.of('input.email', 'is already registered');
        throw error;
      }
    });
    await this.knownAddresses.remember(user.id, clientIp);
    return this.issueTokens(user, randomUUID());
  }

  /**
   * Unknown email and wrong password fail alike, in message and in time. Guessing is limited per
   * email from one address (LOGIN_MAX_ATTEMPTS), per address (LOGIN_MAX_PER_ADDRESS) and per email
   * from everywhere (LOGIN_MAX_PER_EMAIL, looser). The last one never locks the owner out: past
   * it, a right password still signs in from an address that signed in to this account before.
   */
  async login(email: string, password: string, clientIp: string): Promise<AuthPayloadModel> {
    const emailKey = email.trim().toLowerCase();
    const emailAndAddress = `${emailKey} ${clientIp}`;
    // One after the other: an attempt refused by one limit is not counted by the next, so a
    // stranger hammering from one address does not spend the owner's per-email allowance.
    await this.loginByEmailAndAddress.hit(emailAndAddress);
    await this.loginByAddress.hit(clientIp);
    const emailRetryAfter = await this.loginByEmail.count(emailKey);
    const user = await this.findUserByEmail(email);
    const ok = await verifyPassword(user?.passwordHash, password);
    if (emailRetryAfter > 0 && !(user && ok && (await this.knownAddresses.has(user.id, clientIp)))) throw new RateLimited(emailRetryAfter);
    if (!user || !ok) throw new Unauthenticated(INVALID_LOGIN);
    await this.loginByEmailAndAddress.reset(emailAndAddress);
    await this.knownAddresses.remember(user.id, clientIp);
    return this.issueTokens(user, randomUUID());
  }

  /**
   * Rotates a refresh token: the old one is spent and a new one issued in the same family. Using a
   * spent token again means it was stolen or replayed: the whole family is revoked.
   */
  async refresh(refreshToken: string): Promise<AuthPayloadModel> {
    const tokenHash = hashRefreshToken(refreshToken);
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const repo = manager.getRepository(RefreshTokenEntity);
      const stored = await repo
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :tokenHash', { tokenHash })
        .getOne();
      if (!stored) return { error: 'The refresh token is not valid' } as const;
      if (stored.revokedAt || stored.usedAt) {
        await repo.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return { error: 'The refresh token was already used; sign in again' } as const;
      }
      if (stored.expiresAt.getTime() <= Date.now()) return { error: 'The refresh token has expired; sign in again' } as const;
      await repo.update({ id: stored.id }, { usedAt: new Date() });
      const user = await manager.getRepository(UserEntity).findOneBy({ id: stored.userId });
      if (!user) return { error: 'The refresh token is not valid' } as const;
      return { user, familyId: stored.familyId } as const;
    });
    if ('error' in outcome) throw new Unauthenticated(outcome.error);
    return this.issueTokens(outcome.user, outcome.familyId);
  }

  /** Revokes the token's whole family (this device's session). */
  async logout(refreshToken: string): Promise<boolean> {
    const stored = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hashRefreshToken(refreshToken) });
    if (!stored) return false;
    await this.dataSource
      .getRepository(RefreshTokenEntity)
      .update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return true;
  }

  /** The caller behind an access token, with the companies they belong to. */
  async actorFromAccessToken(token: string): Promise<Actor> {
    const { userId, sessionId } = await this.tokens.verifyAccessToken(token);
    // The token's session must still be live: signing out, or a replayed refresh token, revokes
    // the family, and with it every access token issued to it (checked on every request).
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.id = :userId', { userId })
      .andWhere('EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = :sessionId AND t.user_id = u.id AND t.revoked_at IS NULL)', {
        sessionId,
      })
      .getOne();
    if (!user) throw new Unauthenticated('The access token is not valid or its session was signed out; sign in again');
    const memberships = await this.dataSource.getRepository(MembershipEntity).findBy({ userId });
    return {
      userId,
      role: user.platformRole,
      supplierIds: new Set(memberships.flatMap((m) => (m.supplierId ? [m.supplierId] : []))),
      buyerIds: new Set(memberships.flatMap((m) => (m.buyerId ? [m.buyerId] : []))),
    };
  }

  async me(actor: MaybeActor): Promise<UserModel> {
    const signedIn = requireActor(actor);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: signedIn.userId });
    if (!user) throw new Unauthenticated();
    return this.toUserModel(user);
  }

  async setUserRole(actor: MaybeActor, userId: string, role: PlatformRoleEnum): Promise<UserModel> {
    const admin = requireAdmin(actor);
    if (admin.userId === userId && role !== 'ADMIN') {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'An administrator cannot remove their own ADMIN role', {
        fieldErrors: [{ field: 'role', reason: 'cannot demote yourself' }],
      });
    }
    const result = await this.dataSource.getRepository(UserEntity).update({ id: userId }, { platformRole: role });
    if (!result.affected) throw new NotFound('User', userId);
    return this.toUserModel((await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId }))!);
  }

  /** ADMIN only: users whose email contains the text (ignoring case), at most 20, alphabetically. */
  async findUsers(actor: MaybeActor, email: string): Promise<UserModel[]> {
    requireAdmin(actor);
    const text = email.trim().toLowerCase();
    if (!text) throw new ValidationFailed([{ field: 'email', reason: 'must not be empty' }]);
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const users = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) LIKE :pattern', { pattern })
      .orderBy('lower(u.email)')
      .limit(20)
      .getMany();
    return Promise.all(users.map((user) => this.toUserModel(user)));
  }

  /** Creates the seeded administrator when absent; returns whether it was created. */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    const existing = await this.findUserByEmail(email);
    if (existing) return false;
    const repo = this.dataSource.getRepository(UserEntity);
    await repo.save(
      repo.create({
        email,
        passwordHash: await hashPassword(password),
        displayName: 'Support centre administrator',
        platformRole: 'ADMIN',
        preferredLanguage: 'vi',
      }),
    );
    return true;
  }

  private findUserByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  private async issueTokens(user: UserEntity, familyId: string): Promise<AuthPayloadModel> {
    const refresh = this.tokens.newRefreshToken();
    const repo = this.dataSource.getRepository(RefreshTokenEntity);
    await repo.insert({
      userId: user.id,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400000),
    });
    return {
      accessToken: await this.tokens.signAccessToken(user.id, familyId),
      refreshToken: refresh.token,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      user: await this.toUserModel(user),
    };
  }

  private async toUserModel(user: UserEntity): Promise<UserModel> {
    const memberships = await this.dataSource.getRepository(MembershipEntity).findBy({ userId: user.id });
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.platformRole as PlatformRoleEnum,
      preferredLanguage: user.preferredLanguage as Language,
      memberships: memberships.map((m) => ({ companyId: (m.supplierId ?? m.buyerId)!, companyKind: m.supplierId ? 'SUPPLIER' : 'BUYER' })),
    };
  }
}
