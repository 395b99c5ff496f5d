import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FrameMap, type FrameMapQuery, frameMapQuerySchema, frameMapSchema } from '@cutroom/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { GuestAllowed } from '../common/auth/guest-allowed.decorator.js';
import {
  ApiUuidParam,
  ApiZodQuery,
  ApiZodResponse,
  UuidParam,
  ZodQuery,
} from '../common/validation/zod-route.decorators.js';
import { FrameMapService } from './frame-map.service.js';

@ApiTags('media')
@GuestAllowed()
@Controller('versions/:versionId')
export class FrameMapController {
  constructor(private readonly frameMaps: FrameMapService) {}

  @Get('frame-map')
  @ApiOperation({
    summary:
      'Where each frame of this version is in version `to` (same project), by picture: runs of matching frames; 409 while being prepared',
  })
  @ApiUuidParam('versionId')
  @ApiZodQuery(frameMapQuerySchema)
  @ApiZodResponse(200, frameMapSchema, [400, 401, 404, 409])
  frameMap(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @ZodQuery(frameMapQuerySchema) query: FrameMapQuery,
  ): Promise<FrameMap> {
    return this.frameMaps.frameMap(user.id, versionId, query.to);
  }
}
