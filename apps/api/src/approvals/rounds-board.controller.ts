import { Controller, Get, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { contentDisposition } from '@cutroom/exports';
import {
  type RoundDue,
  type RoundHistoryQuery,
  type RoundsBoard,
  type RoundsQuery,
  type SetDueDateBody,
  roundDueSchema,
  roundHistoryQuerySchema,
  roundsBoardSchema,
  roundsQuerySchema,
  setDueDateBodySchema,
} from '@cutroom/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import {
  ApiFileResponse,
  ApiUuidParam,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  UuidParam,
  ZodBody,
  ZodQuery,
} from '../common/validation/zod-route.decorators.js';
import { DueDatesService } from './due-dates.service.js';
import { RoundHistoryService } from './round-history.service.js';
import { RoundsBoardService } from './rounds-board.service.js';

/** The rounds board and rounds' due dates: members only (a review-link guest is refused before it gets here). */
@ApiTags('approvals')
@Controller()
export class RoundsBoardController {
  constructor(
    private readonly board: RoundsBoardService,
    private readonly dueDates: DueDatesService,
    private readonly history: RoundHistoryService,
  ) {}

  @Get('projects/:projectId/rounds')
  @ApiUuidParam('projectId')
  @ApiZodResponse(200, roundsBoardSchema, [400, 401, 403, 404])
  projectBoard(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
  ): Promise<RoundsBoard> {
    return this.board.projectBoard(user.id, projectId);
  }

  @Get('rounds')
  @ApiZodQuery(roundsQuerySchema)
  @ApiZodResponse(200, roundsBoardSchema, [400, 401, 403])
  myBoard(
    @CurrentUser() user: AuthenticatedUser,
    @ZodQuery(roundsQuerySchema) query: RoundsQuery,
  ): Promise<RoundsBoard> {
    return this.board.myBoard(user.id, query.mine, query.assetIds);
  }

  @Get('versions/:versionId/due-date')
  @ApiUuidParam('versionId')
  @ApiZodResponse(200, roundDueSchema, [400, 401, 403, 404])
  dueDate(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
  ): Promise<RoundDue> {
    return this.dueDates.get(user.id, versionId);
  }

  @Put('versions/:versionId/due-date')
  @ApiOperation({
    summary:
      'Sets or clears when a round is due; a date goes only on the round the board shows (409 for an earlier, failed or unfinished version)',
  })
  @ApiUuidParam('versionId')
  @ApiZodBody(setDueDateBodySchema)
  @ApiZodResponse(200, roundDueSchema, [400, 401, 403, 404, 409])
  setDueDate(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @ZodBody(setDueDateBodySchema) body: SetDueDateBody,
  ): Promise<RoundDue> {
    return this.dueDates.set(user.id, versionId, body.dueAt);
  }

  @Put('assets/:assetId/due-date')
  @ApiOperation({
    summary:
      'Sets or clears the due date of the round the cut is in now (its newest ready version); 409 while none is ready',
  })
  @ApiUuidParam('assetId')
  @ApiZodBody(setDueDateBodySchema)
  @ApiZodResponse(200, roundDueSchema, [400, 401, 403, 404, 409])
  setCutDueDate(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('assetId') assetId: string,
    @ZodBody(setDueDateBodySchema) body: SetDueDateBody,
  ): Promise<RoundDue> {
    return this.dueDates.setForCut(user.id, assetId, body.dueAt);
  }

  @Get('assets/:assetId/round-history')
  @ApiOperation({
    summary:
      "A cut's rounds as a CSV record: each version going out, every decision (with both notes), notes raised and addressed, hours to approval",
  })
  @ApiUuidParam('assetId')
  @ApiZodQuery(roundHistoryQuerySchema)
  @ApiFileResponse('text/csv', "The cut's round history (UTF-8 with a byte-order mark)", [400, 401, 403, 404])
  async roundHistory(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('assetId') assetId: string,
    @ZodQuery(roundHistoryQuerySchema) query: RoundHistoryQuery,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.history.csv(user.id, assetId, query.internal === 'true');
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', contentDisposition(file.fileName));
    response.setHeader('Cache-Control', 'private, no-store');
    response.send(file.body);
  }
}
