import { Controller, Delete, Get, Param, Patch, Post, HttpCode } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type Comment,
  type CommentFilters,
  type CommentList,
  type CreateCommentBody,
  type ReactionBody,
  type UpdateCommentBody,
  commentFiltersSchema,
  commentListSchema,
  commentSchema,
  createCommentBodySchema,
  reactionBodySchema,
  updateCommentBodySchema,
} from '@cutroom/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { GuestAllowed } from '../common/auth/guest-allowed.decorator.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import {
  ApiUuidParam,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  UuidParam,
  ZodBody,
  ZodQuery,
} from '../common/validation/zod-route.decorators.js';
import { CommentsService } from './comments.service.js';

@ApiTags('review')
@GuestAllowed()
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('versions/:versionId/comments')
  @ApiUuidParam('versionId')
  @ApiZodQuery(commentFiltersSchema)
  @ApiZodResponse(200, commentListSchema, [400, 401, 404])
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @ZodQuery(commentFiltersSchema) filters: CommentFilters,
  ): Promise<CommentList> {
    return this.comments.list(user.id, versionId, filters);
  }

  @Post('versions/:versionId/comments')
  @ApiUuidParam('versionId')
  @ApiZodBody(createCommentBodySchema)
  @ApiZodResponse(201, commentSchema, [400, 401, 403, 404, 409])
  create(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @ZodBody(createCommentBodySchema) body: CreateCommentBody,
  ): Promise<Comment> {
    return this.comments.create(user.id, versionId, body);
  }

  @Patch('comments/:commentId')
  @ApiUuidParam('commentId')
  @ApiZodBody(updateCommentBodySchema)
  @ApiZodResponse(200, commentSchema, [400, 401, 403, 404])
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('commentId') commentId: string,
    @ZodBody(updateCommentBodySchema) body: UpdateCommentBody,
  ): Promise<Comment> {
    return this.comments.update(user.id, commentId, body);
  }

  @Delete('comments/:commentId')
  @HttpCode(204)
  @ApiUuidParam('commentId')
  @ApiZodResponse(204, null, [400, 401, 403, 404])
  delete(@CurrentUser() user: AuthenticatedUser, @UuidParam('commentId') commentId: string): Promise<void> {
    return this.comments.delete(user.id, commentId);
  }

  @Post('comments/:commentId/resolve')
  @HttpCode(200)
  @ApiUuidParam('commentId')
  @ApiZodResponse(200, commentSchema, [400, 401, 403, 404])
  resolve(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('commentId') commentId: string,
  ): Promise<Comment> {
    return this.comments.setResolved(user.id, commentId, true);
  }

  @Post('comments/:commentId/reopen')
  @HttpCode(200)
  @ApiUuidParam('commentId')
  @ApiZodResponse(200, commentSchema, [400, 401, 403, 404])
  reopen(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('commentId') commentId: string,
  ): Promise<Comment> {
    return this.comments.setResolved(user.id, commentId, false);
  }

  @Post('comments/:commentId/reactions')
  @HttpCode(200)
  @ApiUuidParam('commentId')
  @ApiZodBody(reactionBodySchema)
  @ApiZodResponse(200, commentSchema, [400, 401, 403, 404])
  addReaction(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('commentId') commentId: string,
    @ZodBody(reactionBodySchema) body: ReactionBody,
  ): Promise<Comment> {
    return this.comments.react(user.id, commentId, body.emoji, true);
  }

  @Delete('comments/:commentId/reactions/:emoji')
  @ApiUuidParam('commentId')
  @ApiParam({ name: 'emoji', type: 'string', description: 'URL-encoded emoji' })
  @ApiZodResponse(200, commentSchema, [400, 401, 403, 404])
  removeReaction(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('commentId') commentId: string,
    @Param('emoji', new ZodPipe(reactionBodySchema.shape.emoji, 'path parameter "emoji"')) emoji: string,
  ): Promise<Comment> {
    return this.comments.react(user.id, commentId, emoji, false);
  }
}
