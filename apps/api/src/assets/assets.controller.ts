import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type Asset,
  type AssetList,
  type CreateAssetBody,
  type MoveAssetBody,
  type MovedAsset,
  type RenameAssetBody,
  type Version,
  type VersionList,
  assetListSchema,
  assetSchema,
  createAssetBodySchema,
  moveAssetBodySchema,
  movedAssetSchema,
  renameAssetBodySchema,
  versionListSchema,
  versionSchema,
} from '@cutroom/contracts';
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
import { AssetMove } from './asset-move.js';
import { AssetsService } from './assets.service.js';
import { VersionRemoval } from './version-removal.js';

@ApiTags('assets')
@Controller()
export class AssetsController {
  constructor(
    private readonly assets: AssetsService,
    private readonly versionRemoval: VersionRemoval,
    private readonly moves: AssetMove,
  ) {}

  @Get('projects/:projectId/assets')
  @ApiUuidParam('projectId')
  @ApiZodResponse(200, assetListSchema, [400, 401, 404])
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
  ): Promise<AssetList> {
    return { assets: await this.assets.list(user.id, projectId) };
  }

  @Post('projects/:projectId/assets')
  @ApiUuidParam('projectId')
  @ApiZodBody(createAssetBodySchema)
  @ApiZodResponse(201, assetSchema, [400, 401, 403, 404])
  create(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @ZodBody(createAssetBodySchema) body: CreateAssetBody,
  ): Promise<Asset> {
    return this.assets.create(user.id, projectId, body.name);
  }

  @Get('assets/:assetId')
  @GuestAllowed()
  @ApiUuidParam('assetId')
  @ApiZodResponse(200, assetSchema, [400, 401, 404])
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('assetId') assetId: string): Promise<Asset> {
    return this.assets.get(user.id, assetId);
  }

  @Patch('assets/:assetId')
  @ApiUuidParam('assetId')
  @ApiZodBody(renameAssetBodySchema)
  @ApiZodResponse(200, assetSchema, [400, 401, 403, 404])
  rename(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('assetId') assetId: string,
    @ZodBody(renameAssetBodySchema) body: RenameAssetBody,
  ): Promise<Asset> {
    return this.assets.rename(user.id, assetId, body.name);
  }

  /** To another project where the caller may add cuts: 404 for a project they are not in. */
  @Post('assets/:assetId/move')
  @HttpCode(200)
  @ApiUuidParam('assetId')
  @ApiZodBody(moveAssetBodySchema)
  @ApiZodResponse(200, movedAssetSchema, [400, 401, 403, 404, 409])
  move(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('assetId') assetId: string,
    @ZodBody(moveAssetBodySchema) body: MoveAssetBody,
  ): Promise<MovedAsset> {
    return this.moves.move(user.id, assetId, body.projectId, body.fromProjectId);
  }

  @Delete('assets/:assetId')
  @HttpCode(204)
  @ApiUuidParam('assetId')
  @ApiZodResponse(204, null, [400, 401, 403, 404])
  delete(@CurrentUser() user: AuthenticatedUser, @UuidParam('assetId') assetId: string): Promise<void> {
    return this.assets.delete(user.id, assetId);
  }

  @Get('assets/:assetId/versions')
  @GuestAllowed()
  @ApiUuidParam('assetId')
  @ApiZodResponse(200, versionListSchema, [400, 401, 404])
  async versions(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('assetId') assetId: string,
  ): Promise<VersionList> {
    return { versions: await this.assets.versions(user.id, assetId) };
  }

  @Delete('versions/:versionId')
  @HttpCode(204)
  @ApiUuidParam('versionId')
  @ApiZodResponse(204, null, [400, 401, 403, 404, 409])
  deleteVersion(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
  ): Promise<void> {
    return this.versionRemoval.delete(user.id, versionId);
  }

  @Get('versions/:versionId')
  @GuestAllowed()
  @ApiUuidParam('versionId')
  @ApiZodResponse(200, versionSchema, [400, 401, 404])
  version(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
  ): Promise<Version> {
    return this.assets.version(user.id, versionId);
  }
}
