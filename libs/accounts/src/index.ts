export * from './actor.js';
export { ActorGuard, actorOfRequest, ClientIp, CurrentActor } from './actor.guard.js';
export { AccountsModule } from './accounts.module.js';
export { AuthService } from './auth.service.js';
export { BROWSER_CLIENT, BROWSER_CLIENT_HEADER, REFRESH_COOKIE, REFRESH_COOKIE_PATH, REFRESH_TRANSPORT_HEADER } from './browser-session.js';
export { TokenService, hashRefreshToken } from './tokens.js';
export { ACCOUNT_ENTITIES, MembershipEntity, UserEntity, RefreshTokenEntity, type PlatformRole } from './entities.js';
export { PlatformRoleEnum, UserModel } from './account.models.js';
export { addressKey, CallerRateLimit, type CallerLimits, RateLimit, type RateLimitOptions } from './rate-limiter.js';
export {
  type CounterLease,
  leaseGrant,
  MemoryRateLimitCounters,
  PostgresRateLimitCounters,
  type RateLimitCounters,
} from './rate-limit-counters.js';
export { hashPassword } from './passwords.js';
export { grantMembership, type MembershipCompany } from './memberships.js';
export { upsertUser } from './users.js';
