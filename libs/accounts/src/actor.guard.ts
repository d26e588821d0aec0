import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { Unauthenticated } from '#libs/core';
import type { MaybeActor } from './actor.js';
import { AuthService } from './auth.service.js';
import { addressKey } from './rate-limiter.js';

type RequestWithActor = Request & { actor?: MaybeActor };

function requestOf(context: ExecutionContext): RequestWithActor | undefined {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ req?: RequestWithActor }>().req;
  return context.switchToHttp().getRequest<RequestWithActor>();
}

/**
 * Says who the caller is, never what they may do: resolves the bearer token (once per request) to
 * an Actor, or null for an anonymous caller. A token that is present but invalid is an error, so a
 * client never silently acts as anonymous.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    if (!req || req.actor !== undefined) return true;
    const header = req.headers?.authorization;
    if (!header) {
      req.actor = null;
      return true;
    }
    const match = /^Bearer ([A-Za-z0-9_\-.]{1,4096})$/.exec(header);
    if (!match) throw new Unauthenticated('The Authorization header must be "Bearer <access token>"');
    req.actor = await this.auth.actorFromAccessToken(match[1]!);
    return true;
  }
}

/** The Actor resolved by ActorGuard (null when anonymous). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): MaybeActor => requestOf(context)?.actor ?? null);

/**
 * The caller's address as rate limits count it (`addressKey`: an IPv6 client by its /64). Behind a
 * reverse proxy it is the proxy's unless TRUST_PROXY names that proxy.
 */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const req = requestOf(context);
  return addressKey(req?.ip ?? req?.socket?.remoteAddress ?? 'unknown');
});
