import { Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CarriedOverComment,
  type CarriedOverList,
  type RoundList,
  carriedOverCommentSchema,
  carriedOverListSchema,
  roundListSchema,
} from '@cutroom/contracts';
import { readerOf } from '@cutroom/policy';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { GuestAllowed } from '../common/auth/guest-allowed.decorator.js';
import { ApiUuidParam, ApiZodResponse, UuidParam } from '../common/validation/zod-route.decorators.js';
import { RoundsService } from './rounds.service.js';

@ApiTags('approvals')
@GuestAllowed()
@Controller()
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Get('versions/:versionId/carried-over')
  @ApiUuidParam('versionId')
  @ApiZodResponse(200, carriedOverListSchema, [400, 401, 404])
  carriedOver(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
  ): Promise<CarriedOverList> {
    return this.rounds.carriedOver(user.id, versionId);
  }

  @Put('versions/:versionId/carried-over/:commentId/addressed')
  @ApiUuidParam('versionId')
  @ApiUuidParam('commentId')
  @ApiZodResponse(200, carriedOverCommentSchema, [400, 401, 403, 404, 409])
  markAddressed(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @UuidParam('commentId') commentId: string,
  ): Promise<CarriedOverComment> {
    return this.rounds.setAddressed(user.id, versionId, commentId, true);
  }

  @Delete('versions/:versionId/carried-over/:commentId/addressed')
  @ApiUuidParam('versionId')
  @ApiUuidParam('commentId')
  @ApiZodResponse(200, carriedOverCommentSchema, [400, 401, 403, 404, 409])
  unmarkAddressed(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @UuidParam('commentId') commentId: string,
  ): Promise<CarriedOverComment> {
    return this.rounds.setAddressed(user.id, versionId, commentId, false);
  }

  @Get('assets/:assetId/rounds')
  @ApiUuidParam('assetId')
  @ApiZodResponse(200, roundListSchema, [400, 401, 403, 404])
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('assetId') assetId: string,
  ): Promise<RoundList> {
    return { rounds: await this.rounds.rounds(user.id, assetId, readerOf(user.guest)) };
  }
}
