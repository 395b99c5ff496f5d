import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '@cutroom/contracts';
import type { Request } from 'express';
import { GUEST_ALLOWED } from '../common/auth/guest-allowed.decorator.js';
import { IS_PUBLIC } from '../common/auth/public.decorator.js';
import type { RequestWithUser } from '../common/auth/current-user.decorator.js';
import { AuthErrorCode, AuthException } from './auth.exception.js';
import { AuthService } from './auth.service.js';
import { readSessionToken } from './session-token.js';

/**
 * Applied to every route: a valid session (cookie or bearer) unless the route is @Public(). A
 * review-link guest's session opens only the routes marked @GuestAllowed().
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithUser>();
    const marked = (key: string) =>
      this.reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]) === true;
    const isPublic = marked(IS_PUBLIC);
    const token = readSessionToken(request.headers.authorization, request.cookies, SESSION_COOKIE);
    const user = token ? await this.auth.authenticate(token) : undefined;
    if (user) request.user = user;
    if (!user && !isPublic) throw new AuthException(AuthErrorCode.NotSignedIn);
    if (user?.guest && !isPublic && !marked(GUEST_ALLOWED))
      throw new AuthException(AuthErrorCode.GuestNotAllowed);
    return true;
  }
}
