import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Version, versionSchema } from '@cutroom/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { ApiUuidParam, ApiZodResponse, UuidParam } from '../common/validation/zod-route.decorators.js';
import { VersionRetryService } from './version-retry.service.js';

@ApiTags('media')
@Controller('versions/:versionId')
export class VersionRetryController {
  constructor(private readonly retries: VersionRetryService) {}

  /** Processing a failed version again, from its stored original. */
  @Post('retry')
  @HttpCode(200)
  @ApiUuidParam('versionId')
  @ApiZodResponse(200, versionSchema, [400, 401, 403, 404, 409])
  retry(@CurrentUser() user: AuthenticatedUser, @UuidParam('versionId') versionId: string): Promise<Version> {
    return this.retries.retry(user.id, versionId);
  }
}
