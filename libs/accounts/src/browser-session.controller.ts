import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ClientIp } from './actor.guard.js';
import { type BrowserTokens, BrowserSessionService } from './browser-session.js';

/**
 * The browser's refresh and sign-out, outside GraphQL because the refresh cookie is scoped to
 * `/auth` (README, "Sign-in in a browser"). Both need `X-Requested-With: hp-web`.
 */
@Controller('auth')
export class BrowserSessionController {
  constructor(private readonly sessions: BrowserSessionService) {}

  @Post('refresh')
  @HttpCode(200)
  refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response, @ClientIp() ip: string): Promise<BrowserTokens> {
    return this.sessions.refresh(req, res, ip);
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Req() req: Request, @Res({ passthrough: true }) res: Response, @ClientIp() ip: string): Promise<void> {
    return this.sessions.logout(req, res, ip);
  }
}
