import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type LoginBody,
  type RegisterBody,
  type SessionResponse,
  loginBodySchema,
  registerBodySchema,
  sessionResponseSchema,
  currentUserResponseSchema,
  type CurrentUserResponse,
} from '@cutroom/contracts';
import type { Request, Response } from 'express';
import { CurrentUser, type RequestWithUser } from '../common/auth/current-user.decorator.js';
import { GuestAllowed } from '../common/auth/guest-allowed.decorator.js';
import { Public } from '../common/auth/public.decorator.js';
import { ApiZodBody, ApiZodResponse, ZodBody } from '../common/validation/zod-route.decorators.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { AuthService, type IssuedSession } from './auth.service.js';
import { AuthRateLimited } from './rate-limit/auth-rate-limit.guard.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  @Post('register')
  @Public()
  @AuthRateLimited()
  @ApiZodBody(registerBodySchema)
  @ApiZodResponse(201, sessionResponseSchema, [400, 409, 429])
  async register(
    @ZodBody(registerBodySchema) body: RegisterBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    return this.startSession(await this.auth.register(body, request.headers['user-agent']), response);
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @AuthRateLimited()
  @ApiZodBody(loginBodySchema)
  @ApiZodResponse(200, sessionResponseSchema, [400, 401, 429])
  async login(
    @ZodBody(loginBodySchema) body: LoginBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    return this.startSession(await this.auth.login(body, request.headers['user-agent']), response);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiZodResponse(204, null)
  async logout(
    @Req() request: Request & RequestWithUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    // Idempotent: a session already ended (another tab, expiry) is logged out all the same.
    if (request.user) await this.auth.logout(request.user.sessionId);
    clearSessionCookie(response, this.config);
  }

  @Get('me')
  @GuestAllowed()
  @ApiZodResponse(200, currentUserResponseSchema, [401])
  me(@CurrentUser() user: AuthenticatedUser): CurrentUserResponse {
    const { sessionId: _sessionId, sessionExpiresAt: _sessionExpiresAt, guest, ...publicUser } = user;
    return { user: publicUser, guest: guest ?? null };
  }

  private startSession(session: IssuedSession, response: Response): SessionResponse {
    setSessionCookie(response, this.config, session.token, session.expiresAt);
    return { user: session.user, token: session.token, expiresAt: session.expiresAt.toISOString() };
  }
}
