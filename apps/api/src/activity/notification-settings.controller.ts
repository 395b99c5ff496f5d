import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type NotificationSetting, notificationSettingSchema } from '@cutroom/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import {
  ApiUuidParam,
  ApiZodBody,
  ApiZodResponse,
  UuidParam,
  ZodBody,
} from '../common/validation/zod-route.decorators.js';
import { NotificationSettingsService } from './notification-settings.service.js';

/** The caller's own choice of what a project tells them, in the feed and by e-mail. */
@ApiTags('activity')
@Controller('projects/:projectId/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @ApiUuidParam('projectId')
  @ApiZodResponse(200, notificationSettingSchema, [400, 401, 404])
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
  ): Promise<NotificationSetting> {
    return { level: await this.settings.levelOf(user.id, projectId) };
  }

  @Put()
  @ApiUuidParam('projectId')
  @ApiZodBody(notificationSettingSchema)
  @ApiZodResponse(200, notificationSettingSchema, [400, 401, 404])
  async choose(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @ZodBody(notificationSettingSchema) body: NotificationSetting,
  ): Promise<NotificationSetting> {
    return { level: await this.settings.choose(user.id, projectId, body.level) };
  }
}
