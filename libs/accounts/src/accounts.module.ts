import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ActorGuard } from './actor.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { BrowserSessionController } from './browser-session.controller.js';
import { BrowserSessionService } from './browser-session.js';
import { TokenService } from './tokens.js';

@Module({
  controllers: [BrowserSessionController],
  providers: [TokenService, AuthService, BrowserSessionService, AuthResolver, { provide: APP_GUARD, useClass: ActorGuard }],
  exports: [AuthService, TokenService],
})
export class AccountsModule {}
