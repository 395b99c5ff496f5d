import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import {
  type LoginBody,
  type RegisterBody,
  SESSION_COOKIE,
  type SessionResponse,
  loginBodySchema,
  registerBodySchema,
  sessionResponseSchema,
  userSchema,
} from '@cutroom/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { Public } from '../common/auth/public.decorator.js';
import { ApiZodBody, ApiZodResponse, ZodBody } from '../common/validation/zod-route.decorators.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { AuthService, type IssuedSession } from './auth.service.js';

const meSchema = z.object({ user: userSchema });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  @Post('register')
  @Public()
  @UseGuards(ThrottlerGuard)
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
  @UseGuards(ThrottlerGuard)
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
  @HttpCode(204)
  @ApiZodResponse(204, null, [401])
  async logout(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(user.sessionId);
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @ApiZodResponse(200, meSchema, [401])
  me(@CurrentUser() user: AuthenticatedUser): z.infer<typeof meSchema> {
    const { sessionId: _sessionId, ...publicUser } = user;
    return { user: publicUser };
  }

  private startSession(session: IssuedSession, response: Response): SessionResponse {
    response.cookie(SESSION_COOKIE, session.token, {
      ...this.cookieOptions(),
      expires: session.expiresAt,
    });
    return { user: session.user, token: session.token, expiresAt: session.expiresAt.toISOString() };
  }

  private cookieOptions() {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.config.secureCookies, path: '/' };
  }
}
