import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type ActivityPage,
  type ActivityQuery,
  type ActivityUnread,
  type MarkActivityReadBody,
  activityCursorSchema,
  activityPageSchema,
  activityQuerySchema,
  activityUnreadSchema,
  markActivityReadBodySchema,
} from '@cutroom/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import {
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  ZodBody,
  ZodQuery,
} from '../common/validation/zod-route.decorators.js';
import { ActivityService } from './activity.service.js';

@ApiTags('activity')
@Controller('activity')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Get()
  @ApiZodQuery(activityQuerySchema)
  @ApiZodResponse(200, activityPageSchema, [400, 401])
  list(
    @CurrentUser() user: AuthenticatedUser,
    @ZodQuery(activityQuerySchema) query: ActivityQuery,
  ): Promise<ActivityPage> {
    return this.activity.list(user.id, query);
  }

  @Get('unread-count')
  @ApiZodResponse(200, activityUnreadSchema, [401])
  async unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<ActivityUnread> {
    return { count: await this.activity.unreadCount(user.id) };
  }

  @Post('read')
  @HttpCode(200)
  @ApiZodBody(markActivityReadBodySchema)
  @ApiZodResponse(200, activityUnreadSchema, [400, 401])
  async markRead(
    @CurrentUser() user: AuthenticatedUser,
    @ZodBody(markActivityReadBodySchema) body: MarkActivityReadBody,
  ): Promise<ActivityUnread> {
    return { count: await this.activity.markRead(user.id, body) };
  }

  @Post(':itemId/read')
  @HttpCode(200)
  @ApiParam({ name: 'itemId', type: 'string', description: 'An activity item id', example: '42' })
  @ApiZodResponse(200, activityUnreadSchema, [400, 401, 404])
  async markItemRead(
    @CurrentUser() user: AuthenticatedUser,
    @Param('itemId', new ZodPipe(activityCursorSchema, 'path parameter "itemId"')) itemId: string,
  ): Promise<ActivityUnread> {
    return { count: await this.activity.markItemRead(user.id, itemId) };
  }
}
