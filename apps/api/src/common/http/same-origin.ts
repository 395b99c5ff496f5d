import { SESSION_COOKIE } from '@cutroom/contracts';
import type { NextFunction, Request, Response } from 'express';
import { readSessionToken } from '../../auth/session-token.js';
import { DomainException } from './domain.exception.js';

/** The request headers a browser sets to say where a request comes from; no page can forge them. */
export interface SiteHeaders {
  origin?: string | string[];
  'sec-fetch-site'?: string | string[];
  host?: string | string[];
}

/**
 * The foreign site a browser says this request came from, or undefined when it came from Cutroom's
 * own pages: `PUBLIC_URL`'s origin, or the very host it was sent to (a server reached by another
 * name than PUBLIC_URL, or the dev server's proxy). Without either header the caller is not a
 * browser (curl, scripts), which no other site can drive, so it passes.
 */
export function foreignSite(headers: SiteHeaders, publicUrl: string): string | undefined {
  const origin = single(headers.origin);
  if (origin !== undefined) {
    if (origin === new URL(publicUrl).origin) return undefined;
    const host = single(headers.host);
    const originHost = hostOf(origin);
    return host !== undefined && originHost !== undefined && originHost === host.toLowerCase()
      ? undefined
      : origin;
  }
  const fetchSite = single(headers['sec-fetch-site']);
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none')
    return `a ${fetchSite} page`;
  return undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined; // "null" (a sandboxed page, a file) is nobody's origin
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CrossSiteRequestException extends DomainException {
  constructor(from: string) {
    super(
      'forbidden',
      'cross_site_request',
      `Refused: this request was sent by another site (${from}). Use Cutroom from its own address, or call the API with a bearer token.`,
    );
  }
}

/**
 * Every state change a browser sends with the session cookie must come from Cutroom's own pages
 * (the cookie's SameSite=Lax still lets sibling sites and top-level navigations through). API
 * clients that authenticate with `Authorization: Bearer` are not affected.
 */
export function sameOriginMiddleware(publicUrl: string) {
  return (request: Request, _response: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(request.method)) return next();
    if (readSessionToken(request.headers.authorization, undefined, SESSION_COOKIE)) return next();
    const from = foreignSite(request.headers, publicUrl);
    next(from === undefined ? undefined : new CrossSiteRequestException(from));
  };
}
