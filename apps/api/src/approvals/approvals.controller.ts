import { Controller, Get, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ApproverList,
  type DecisionList,
  type ProjectApprovalList,
  type RecordDecisionBody,
  type RecordedDecision,
  type SetAssetApproversBody,
  type SetProjectApproversBody,
  type VersionApproval,
  approverListSchema,
  decisionListSchema,
  projectApprovalListSchema,
  recordDecisionBodySchema,
  recordedDecisionSchema,
  setAssetApproversBodySchema,
  setProjectApproversBodySchema,
  versionApprovalSchema,
} from '@cutroom/contracts';
import { readerOf } from '@cutroom/policy';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { GuestAllowed } from '../common/auth/guest-allowed.decorator.js';
import {
  ApiUuidParam,
  ApiZodBody,
  ApiZodResponse,
  UuidParam,
  ZodBody,
} from '../common/validation/zod-route.decorators.js';
import { ApproversService } from './approvers.service.js';
import { DecisionsService } from './decisions.service.js';

@ApiTags('approvals')
@Controller()
export class ApprovalsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly approvers: ApproversService,
  ) {}

  @Post('versions/:versionId/decisions')
  @GuestAllowed()
  @ApiUuidParam('versionId')
  @ApiZodBody(recordDecisionBodySchema)
  @ApiZodResponse(201, recordedDecisionSchema, [400, 401, 403, 404, 409])
  record(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @ZodBody(recordDecisionBodySchema) body: RecordDecisionBody,
  ): Promise<RecordedDecision> {
    return this.decisions.record(user.id, versionId, body, readerOf(user.guest));
  }

  @Get('versions/:versionId/decisions')
  @GuestAllowed()
  @ApiUuidParam('versionId')
  @ApiZodResponse(200, decisionListSchema, [400, 401, 404])
  async history(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
  ): Promise<DecisionList> {
    return { decisions: await this.decisions.history(user.id, versionId, readerOf(user.guest)) };
  }

  @Get('versions/:versionId/approval')
  @GuestAllowed()
  @ApiUuidParam('versionId')
  @ApiZodResponse(200, versionApprovalSchema, [400, 401, 404])
  versionApproval(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
  ): Promise<VersionApproval> {
    return this.decisions.versionApproval(user.id, versionId, readerOf(user.guest));
  }

  @Get('assets/:assetId/approval')
  @GuestAllowed()
  @ApiUuidParam('assetId')
  @ApiZodResponse(200, versionApprovalSchema, [400, 401, 404])
  assetApproval(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('assetId') assetId: string,
  ): Promise<VersionApproval> {
    return this.decisions.assetApproval(user.id, assetId, readerOf(user.guest));
  }

  @Get('projects/:projectId/approvals')
  @ApiUuidParam('projectId')
  @ApiZodResponse(200, projectApprovalListSchema, [400, 401, 404])
  projectApprovals(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
  ): Promise<ProjectApprovalList> {
    return this.decisions.projectApprovals(user.id, projectId);
  }

  @Get('projects/:projectId/approvers')
  @ApiUuidParam('projectId')
  @ApiZodResponse(200, approverListSchema, [400, 401, 404])
  projectApprovers(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
  ): Promise<ApproverList> {
    return this.approvers.projectList(user.id, projectId);
  }

  @Put('projects/:projectId/approvers')
  @ApiUuidParam('projectId')
  @ApiZodBody(setProjectApproversBodySchema)
  @ApiZodResponse(200, approverListSchema, [400, 401, 403, 404])
  setProjectApprovers(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @ZodBody(setProjectApproversBodySchema) body: SetProjectApproversBody,
  ): Promise<ApproverList> {
    return this.approvers.setProjectList(user.id, projectId, body.userIds);
  }

  @Get('assets/:assetId/approvers')
  @ApiUuidParam('assetId')
  @ApiZodResponse(200, approverListSchema, [400, 401, 404])
  assetApprovers(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('assetId') assetId: string,
  ): Promise<ApproverList> {
    return this.approvers.assetList(user.id, assetId);
  }

  @Put('assets/:assetId/approvers')
  @ApiUuidParam('assetId')
  @ApiZodBody(setAssetApproversBodySchema)
  @ApiZodResponse(200, approverListSchema, [400, 401, 403, 404])
  setAssetApprovers(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('assetId') assetId: string,
    @ZodBody(setAssetApproversBodySchema) body: SetAssetApproversBody,
  ): Promise<ApproverList> {
    return this.approvers.setAssetList(user.id, assetId, body.userIds);
  }
}
