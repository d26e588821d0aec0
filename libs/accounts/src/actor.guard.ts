import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { PUBLIC_OPERATION, Unauthenticated } from '#libs/core';
import type { MaybeActor } from './actor.js';
import { AuthService } from './auth.service.js';
import { addressKey } from './rate-limiter.js';

type RequestWithActor = Request & { actor?: MaybeActor };

function requestOf(context: ExecutionContext): RequestWithActor | undefined {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ req?: RequestWithActor }>().req;
  return context.switchToHttp().getRequest<RequestWithActor>();
}

/**
 * The caller of a request: the Actor of its bearer token (resolved once per request and kept on
 * it), or null without an Authorization header. A header that is present but invalid is an error,
 * so a client never silently acts as anonymous. The scheme is case-insensitive (RFC 9110).
 */
export async function actorOfRequest(auth: AuthService, req: RequestWithActor): Promise<MaybeActor> {
  if (req.actor !== undefined) return req.actor;
  const header = req.headers?.authorization;
  if (!header) return (req.actor = null);
  const match = /^bearer +([A-Za-z0-9_\-.]{1,4096})$/i.exec(header);
  if (!match) throw new Unauthenticated('The Authorization header must be "Bearer <access token>"');
  return (req.actor = await auth.actorFromAccessToken(match[1]));
}

/**
 * Says who the caller is, never what they may do (the services decide that), with one exception:
 * an anonymous caller of a GraphQL operation not marked @Public() is answered UNAUTHENTICATED here,
 * before the validation pipe looks at its arguments.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    if (!req) return true;
    const actor = await actorOfRequest(this.auth, req);
    if (
      !actor &&
      context.getType<string>() === 'graphql' &&
      !this.reflector.getAllAndOverride<boolean>(PUBLIC_OPERATION, [context.getHandler(), context.getClass()])
    ) {
      throw new Unauthenticated();
    }
    return true;
  }
}

/** The Actor resolved by ActorGuard (null when anonymous). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): MaybeActor => requestOf(context)?.actor ?? null,
);

/**
 * The caller's address as rate limits count it (`addressKey`: an IPv6 client by its /64). Behind a
 * reverse proxy it is the proxy's unless TRUST_PROXY names that proxy.
 */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const req = requestOf(context);
  return addressKey(req?.ip ?? req?.socket?.remoteAddress ?? 'unknown');
});
