import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type LiveSessionLogList, liveSessionLogListSchema } from '@cutroom/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { GuestAllowed } from '../common/auth/guest-allowed.decorator.js';
import { ApiUuidParam, ApiZodResponse, UuidParam } from '../common/validation/zod-route.decorators.js';
import { LiveSessionHistoryService } from './live-session-history.service.js';

/** Live sessions are run over the socket; what is left of them afterwards is read here. */
@ApiTags('sessions')
@Controller()
export class SessionsController {
  constructor(private readonly history: LiveSessionHistoryService) {}

  /** The cut's past sessions, newest first: a guest sees them only through a link that shows the team. */
  @Get('assets/:assetId/live-sessions')
  @GuestAllowed()
  @ApiUuidParam('assetId')
  @ApiZodResponse(200, liveSessionLogListSchema, [400, 401, 404])
  list(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('assetId') assetId: string,
  ): Promise<LiveSessionLogList> {
    return this.history.list(user, assetId);
  }
}
