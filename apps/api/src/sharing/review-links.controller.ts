import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateReviewLinkInput,
  type CreatedReviewLink,
  type ReviewLink,
  type ReviewLinkAddress,
  type ReviewLinkList,
  type UpdateReviewLinkInput,
  createReviewLinkBodySchema,
  reviewLinkAddressSchema,
  updateReviewLinkBodySchema,
  createdReviewLinkSchema,
  reviewLinkListSchema,
  reviewLinkSchema,
} from '@cutroom/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import {
  ApiUuidParam,
  ApiZodBody,
  ApiZodResponse,
  UuidParam,
  ZodBody,
} from '../common/validation/zod-route.decorators.js';
import { ReviewLinksService } from './review-links.service.js';

@ApiTags('sharing')
@Controller('projects/:projectId/links')
export class ReviewLinksController {
  constructor(private readonly links: ReviewLinksService) {}

  @Post()
  @ApiUuidParam('projectId')
  @ApiZodBody(createReviewLinkBodySchema)
  @ApiZodResponse(201, createdReviewLinkSchema, [400, 401, 403, 404])
  create(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @ZodBody(createReviewLinkBodySchema) body: CreateReviewLinkInput,
  ): Promise<CreatedReviewLink> {
    return this.links.create(user.id, projectId, body);
  }

  @Get()
  @ApiUuidParam('projectId')
  @ApiZodResponse(200, reviewLinkListSchema, [400, 401, 403, 404])
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
  ): Promise<ReviewLinkList> {
    return { links: await this.links.list(user.id, projectId) };
  }

  @Get(':linkId/address')
  @ApiUuidParam('projectId')
  @ApiUuidParam('linkId')
  @ApiZodResponse(200, reviewLinkAddressSchema, [400, 401, 403, 404, 409])
  address(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @UuidParam('linkId') linkId: string,
  ): Promise<ReviewLinkAddress> {
    return this.links.address(user.id, projectId, linkId);
  }

  @Patch(':linkId')
  @ApiUuidParam('projectId')
  @ApiUuidParam('linkId')
  @ApiZodBody(updateReviewLinkBodySchema)
  @ApiZodResponse(200, reviewLinkSchema, [400, 401, 403, 404])
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @UuidParam('linkId') linkId: string,
    @ZodBody(updateReviewLinkBodySchema) body: UpdateReviewLinkInput,
  ): Promise<ReviewLink> {
    return this.links.update(user.id, projectId, linkId, body);
  }

  @Post(':linkId/revoke')
  @HttpCode(200)
  @ApiUuidParam('projectId')
  @ApiUuidParam('linkId')
  @ApiZodResponse(200, reviewLinkSchema, [400, 401, 403, 404])
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @UuidParam('linkId') linkId: string,
  ): Promise<ReviewLink> {
    return this.links.revoke(user.id, projectId, linkId);
  }

  @Post(':linkId/enable')
  @HttpCode(200)
  @ApiUuidParam('projectId')
  @ApiUuidParam('linkId')
  @ApiZodResponse(200, reviewLinkSchema, [400, 401, 403, 404])
  enable(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @UuidParam('linkId') linkId: string,
  ): Promise<ReviewLink> {
    return this.links.enable(user.id, projectId, linkId);
  }
}
