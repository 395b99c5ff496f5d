import { SESSION_COOKIE } from '@cutroom/contracts';
import type { Response } from 'express';
import type { AppConfig } from '../config/config.js';

export function sessionCookieOptions(config: AppConfig) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: '/' };
}

/** Gives the browser its session: an httpOnly cookie that ends with the session. */
export function setSessionCookie(
  response: Response,
  config: AppConfig,
  token: string,
  expiresAt: Date,
): void {
  response.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(config), expires: expiresAt });
}

export function clearSessionCookie(response: Response, config: AppConfig): void {
  response.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
}
