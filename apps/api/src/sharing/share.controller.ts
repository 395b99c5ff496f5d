import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type GuestSessionResponse,
  type JoinReviewLinkBody,
  type SharedLinkInfo,
  type SharedReview,
  guestSessionResponseSchema,
  joinReviewLinkBodySchema,
  sharedLinkInfoSchema,
  sharedReviewSchema,
} from '@cutroom/contracts';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AuthRateLimited } from '../auth/rate-limit/auth-rate-limit.guard.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { GuestAllowed } from '../common/auth/guest-allowed.decorator.js';
import { Public } from '../common/auth/public.decorator.js';
import { ApiZodBody, ApiZodResponse, ZodBody } from '../common/validation/zod-route.decorators.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { GuestAccessService } from './guest-access.service.js';
import { SharingErrorCode, SharingException } from './sharing.exception.js';

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * The guest's side of review links. Opening and joining are public and spend the client address's
 * sign-in attempts budget, so tokens and passwords cannot be guessed at speed.
 */
@ApiTags('sharing')
@Controller('share')
export class ShareController {
  constructor(
    private readonly guests: GuestAccessService,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  @Get()
  @GuestAllowed()
  @ApiZodResponse(200, sharedReviewSchema, [401, 404])
  shared(@CurrentUser() user: AuthenticatedUser): Promise<SharedReview> {
    return this.guests.sharedReview(user);
  }

  @Get(':token')
  @Public()
  @AuthRateLimited()
  @ApiParam({ name: 'token', type: 'string' })
  @ApiZodResponse(200, sharedLinkInfoSchema, [404, 410, 429])
  open(@Param('token') token: string): Promise<SharedLinkInfo> {
    return this.guests.open(checkToken(token));
  }

  @Post(':token/guests')
  @Public()
  @AuthRateLimited()
  @ApiParam({ name: 'token', type: 'string' })
  @ApiZodBody(joinReviewLinkBodySchema)
  @ApiZodResponse(201, guestSessionResponseSchema, [400, 401, 404, 410, 429])
  async join(
    @Param('token') token: string,
    @ZodBody(joinReviewLinkBodySchema) body: JoinReviewLinkBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<GuestSessionResponse> {
    const session = await this.guests.join(checkToken(token), body, request.headers['user-agent']);
    setSessionCookie(response, this.config, session.token, session.expiresAt);
    return {
      user: session.user,
      guest: session.guest,
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
    };
  }
}

/** Anything that is not a token's shape is simply not a link: 404, like an unknown one. */
function checkToken(token: string): string {
  if (!TOKEN.test(token)) throw new SharingException(SharingErrorCode.LinkNotFound);
  return token;
}
