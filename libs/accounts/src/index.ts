export * from './actor.js';
export { ActorGuard, actorOfRequest, ClientIp, CurrentActor } from './actor.guard.js';
export { AccountsModule } from './accounts.module.js';
export { AuthService } from './auth.service.js';
export { TokenService, hashRefreshToken } from './tokens.js';
export { ACCOUNT_ENTITIES, MembershipEntity, UserEntity, RefreshTokenEntity, type PlatformRole } from './entities.js';
export { PlatformRoleEnum, UserModel } from './account.models.js';
export { addressKey, CallerRateLimit, type CallerLimits, RateLimiter } from './rate-limiter.js';
export { hashPassword } from './passwords.js';
