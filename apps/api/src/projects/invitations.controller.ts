import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type AcceptInvitationBody,
  type AcceptInvitationResponse,
  type InvitationInfo,
  type InvitationList,
  type InviteBody,
  type InviteResult,
  acceptInvitationBodySchema,
  acceptInvitationResponseSchema,
  invitationInfoSchema,
  invitationListSchema,
  inviteBodySchema,
  inviteResultSchema,
} from '@cutroom/contracts';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AuthRateLimited } from '../auth/rate-limit/auth-rate-limit.guard.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { Public } from '../common/auth/public.decorator.js';
import {
  ApiUuidParam,
  ApiZodBody,
  ApiZodResponse,
  UuidParam,
  ZodBody,
} from '../common/validation/zod-route.decorators.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { InvitationsService } from './invitations.service.js';
import { ProjectsErrorCode, ProjectsException } from './projects.exception.js';

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

@ApiTags('projects')
@Controller('projects/:projectId/invitations')
export class ProjectInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @ApiUuidParam('projectId')
  @ApiZodBody(inviteBodySchema)
  @ApiZodResponse(201, inviteResultSchema, [400, 401, 403, 404, 409])
  invite(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @ZodBody(inviteBodySchema) body: InviteBody,
  ): Promise<InviteResult> {
    return this.invitations.invite(user.id, projectId, body.email, body.role);
  }

  @Get()
  @ApiUuidParam('projectId')
  @ApiZodResponse(200, invitationListSchema, [400, 401, 403, 404])
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
  ): Promise<InvitationList> {
    return { invitations: await this.invitations.list(user.id, projectId) };
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @ApiUuidParam('projectId')
  @ApiUuidParam('invitationId')
  @ApiZodResponse(204, null, [400, 401, 403, 404])
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @UuidParam('invitationId') invitationId: string,
  ): Promise<void> {
    return this.invitations.revoke(user.id, projectId, invitationId);
  }
}

/** The invited person's side: public, and spending the sign-in attempts budget like sign-up. */
@ApiTags('projects')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  @Public()
  @AuthRateLimited()
  @ApiParam({ name: 'token', type: 'string' })
  @ApiZodResponse(200, invitationInfoSchema, [404, 429])
  open(@Param('token') token: string): Promise<InvitationInfo> {
    return this.invitations.open(checkToken(token));
  }

  @Post(':token/accept')
  @Public()
  @AuthRateLimited()
  @ApiParam({ name: 'token', type: 'string' })
  @ApiZodBody(acceptInvitationBodySchema)
  @ApiZodResponse(201, acceptInvitationResponseSchema, [400, 401, 404, 409, 429])
  async accept(
    @Param('token') token: string,
    @ZodBody(acceptInvitationBodySchema) body: AcceptInvitationBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AcceptInvitationResponse> {
    const session = await this.invitations.accept(checkToken(token), body, request.headers['user-agent']);
    setSessionCookie(response, this.config, session.token, session.expiresAt);
    return {
      user: session.user,
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      projectId: session.projectId,
    };
  }
}

/** Anything not shaped like a token is simply not an invitation. */
function checkToken(token: string): string {
  if (!TOKEN.test(token)) throw new ProjectsException(ProjectsErrorCode.InvitationNotFound);
  return token;
}
