import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Asset, type DeletedAssetList, assetSchema, deletedAssetListSchema } from '@cutroom/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { ApiUuidParam, ApiZodResponse, UuidParam } from '../common/validation/zod-route.decorators.js';
import { DeletedCuts } from './deleted-cuts.js';

/** A project's "Recently deleted" (owners and editors): list, restore, delete forever. */
@ApiTags('assets')
@Controller()
export class DeletedCutsController {
  constructor(private readonly deleted: DeletedCuts) {}

  @Get('projects/:projectId/deleted-assets')
  @ApiUuidParam('projectId')
  @ApiZodResponse(200, deletedAssetListSchema, [400, 401, 403, 404])
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
  ): Promise<DeletedAssetList> {
    return { assets: await this.deleted.list(user.id, projectId), retentionDays: this.deleted.retentionDays };
  }

  @Post('deleted-assets/:assetId/restore')
  @HttpCode(200)
  @ApiUuidParam('assetId')
  @ApiZodResponse(200, assetSchema, [400, 401, 403, 404])
  restore(@CurrentUser() user: AuthenticatedUser, @UuidParam('assetId') assetId: string): Promise<Asset> {
    return this.deleted.restore(user.id, assetId);
  }

  @Delete('deleted-assets/:assetId')
  @HttpCode(204)
  @ApiUuidParam('assetId')
  @ApiZodResponse(204, null, [400, 401, 403, 404])
  erase(@CurrentUser() user: AuthenticatedUser, @UuidParam('assetId') assetId: string): Promise<void> {
    return this.deleted.eraseForever(user.id, assetId);
  }
}
