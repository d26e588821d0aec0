import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { Public } from '#libs/core';
import type { MaybeActor } from './actor.js';
import { ClientIp, CurrentActor } from './actor.guard.js';
import { AuthPayloadModel, LoginArgs, RefreshArgs, RegisterInput, SetUserRoleArgs, UserModel, UsersByEmailArgs } from './account.models.js';
import { AuthService } from './auth.service.js';
import { BrowserSessionService } from './browser-session.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: BrowserSessionService,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Creates an account and signs it in. With the header `X-Refresh-Transport: cookie` the refresh token is set as an HttpOnly cookie for `/auth/refresh` instead of being returned.',
  })
  async register(
    @Args('input', { description: 'The new account.' }) input: RegisterInput,
    @ClientIp() ip: string,
    @Context('req') req?: Request,
    @Context('res') res?: Response,
  ): Promise<AuthPayloadModel> {
    return this.sessions.deliver(req, res, await this.auth.register(input, ip));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Signs in. Rate-limited per email and per client address. With the header `X-Refresh-Transport: cookie` the refresh token is set as an HttpOnly cookie for `/auth/refresh` instead of being returned.',
  })
  async login(
    @Args() args: LoginArgs,
    @ClientIp() ip: string,
    @Context('req') req?: Request,
    @Context('res') res?: Response,
  ): Promise<AuthPayloadModel> {
    return this.sessions.deliver(req, res, await this.auth.login(args.email, args.password, ip));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Exchanges a refresh token for new tokens (the old one is spent).' })
  refreshTokens(@Args() args: RefreshArgs): Promise<AuthPayloadModel> {
    return this.auth.refresh(args.refreshToken);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Revokes the refresh token and every token rotated from it.' })
  logout(@Args() args: RefreshArgs): Promise<boolean> {
    return this.auth.logout(args.refreshToken);
  }

  @Mutation(() => UserModel, { description: "ADMIN only: sets a user's platform role (e.g. grants ANALYST)." })
  setUserRole(@Args() args: SetUserRoleArgs, @CurrentActor() actor: MaybeActor): Promise<UserModel> {
    return this.auth.setUserRole(actor, args.userId, args.role);
  }

  @Query(() => [UserModel], { description: 'ADMIN only: users whose email contains the text (ignoring case), at most 20.' })
  usersByEmail(@Args() args: UsersByEmailArgs, @CurrentActor() actor: MaybeActor): Promise<UserModel[]> {
    return this.auth.findUsers(actor, args.email);
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: MaybeActor): Promise<UserModel> {
    return this.auth.me(actor);
  }
}
