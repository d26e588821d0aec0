import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '#libs/config';
import { Forbidden, Unauthenticated } from '#libs/core';
import type { AuthPayloadModel } from './account.models.js';
import { AuthService } from './auth.service.js';
import { DataSource } from 'typeorm';
import { PostgresRateLimitCounters } from './rate-limit-counters.js';
import { RateLimit } from './rate-limiter.js';

/** The refresh cookie: sent by the browser to `/auth/*` only, never readable by scripts. */
export const REFRESH_COOKIE = 'hp_refresh';
export const REFRESH_COOKIE_PATH = '/auth';
/** `X-Refresh-Transport: cookie` on register/login: the refresh token goes into the cookie, not the body. */
export const REFRESH_TRANSPORT_HEADER = 'x-refresh-transport';
/** Required on /auth/refresh and /auth/logout: a custom header a cross-site page cannot send without a CORS preflight. */
export const BROWSER_CLIENT_HEADER = 'x-requested-with';
export const BROWSER_CLIENT = 'hp-web';

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/** What /auth/refresh answers: the refresh token itself stays in the cookie. */
export interface BrowserTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
}

/**
 * The browser's sign-in session: the refresh token travels in an `HttpOnly; Secure;
 * SameSite=Strict` cookie scoped to `/auth`, the access token in the answer only (the web app keeps
 * it in memory). Rotation and revocation are AuthService's refresh-family logic, unchanged; this
 * class only moves the token between cookie and AuthService and checks who may ask.
 */
@Injectable()
export class BrowserSessionService {
  private readonly limiter: RateLimit;

  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    dataSource: DataSource,
  ) {
    this.limiter = new RateLimit(
      new PostgresRateLimitCounters(dataSource),
      'browser-session-address',
      config.REFRESH_MAX_PER_ADDRESS,
      config.LOGIN_WINDOW_SECONDS * 1000,
    );
  }

  /**
   * After register/login: with `X-Refresh-Transport: cookie` the refresh token is set as the cookie
   * and left out of the answer (null); without it the answer is unchanged (non-browser clients).
   */
  deliver(req: Request | undefined, res: Response | undefined, payload: AuthPayloadModel): AuthPayloadModel {
    if (!req || !res || req.get(REFRESH_TRANSPORT_HEADER)?.trim().toLowerCase() !== 'cookie') return payload;
    this.setCookie(res, payload.refreshToken!);
    return { ...payload, refreshToken: null };
  }

  /** POST /auth/refresh: spends the cookie's token, sets its successor, answers a new access token. */
  async refresh(req: Request, res: Response, clientIp: string): Promise<BrowserTokens> {
    this.checkCaller(req);
    await this.limiter.hit(clientIp);
    res.setHeader('Cache-Control', 'no-store');
    const token = readRefreshCookie(req);
    let payload: AuthPayloadModel;
    try {
      if (!token) throw new Unauthenticated('No refresh cookie; sign in again');
      payload = await this.auth.refresh(token);
    } catch (error) {
      // missing, spent (the family is now revoked), revoked or expired: the cookie is useless
      if (error instanceof Unauthenticated) this.clearCookie(res);
      throw error;
    }
    this.setCookie(res, payload.refreshToken!);
    return { accessToken: payload.accessToken, accessTokenExpiresAt: new Date(Date.now() + payload.expiresIn * 1000).toISOString() };
  }

  /** POST /auth/logout: revokes the cookie's token family and clears the cookie (also when there was none). */
  async logout(req: Request, res: Response, clientIp: string): Promise<void> {
    this.checkCaller(req);
    await this.limiter.hit(clientIp);
    res.setHeader('Cache-Control', 'no-store');
    const token = readRefreshCookie(req);
    if (token) await this.auth.logout(token);
    this.clearCookie(res);
  }

  /**
   * The custom header forces a CORS preflight on any cross-origin caller (which only CORS_ORIGINS
   * pass, and never with credentials); a present Origin must be this server's or a listed one.
   */
  private checkCaller(req: Request): void {
    if (req.get(BROWSER_CLIENT_HEADER) !== BROWSER_CLIENT)
      throw new Forbidden(`This endpoint requires the header X-Requested-With: ${BROWSER_CLIENT}`);
    const origin = req.get('origin');
    if (origin === undefined) return;
    const own = `${req.protocol}://${req.get('host')}`;
    const listed = this.config.corsOrigins.some((allowed) => (typeof allowed === 'string' ? allowed === origin : allowed.test(origin)));
    if (origin !== own && !listed) throw new Forbidden('Requests from this origin may not use the session cookie');
  }

  private setCookie(res: Response, token: string): void {
    res.cookie(REFRESH_COOKIE, token, { ...COOKIE_ATTRIBUTES, maxAge: this.config.REFRESH_TOKEN_TTL_DAYS * 86400000 });
  }

  private clearCookie(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, COOKIE_ATTRIBUTES);
  }
}

const COOKIE_ATTRIBUTES = { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH } as const;

/** The refresh token from the Cookie header (no cookie-parser needed for one cookie); undefined when absent or malformed. */
export function readRefreshCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) {
      const token = value.join('=');
      return TOKEN.test(token) ? token : undefined;
    }
  }
  return undefined;
}
