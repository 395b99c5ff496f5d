import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AddMemberBody,
  type ChangeRoleBody,
  type CreateProjectBody,
  type Member,
  type MemberList,
  type Project,
  type ProjectList,
  type RenameProjectBody,
  addMemberBodySchema,
  changeRoleBodySchema,
  createProjectBodySchema,
  memberListSchema,
  memberSchema,
  projectListSchema,
  projectSchema,
  renameProjectBodySchema,
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
import { ProjectsService } from './projects.service.js';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @ApiZodResponse(200, projectListSchema, [401])
  async list(@CurrentUser() user: AuthenticatedUser): Promise<ProjectList> {
    return { projects: await this.projects.list(user.id) };
  }

  @Post()
  @ApiZodBody(createProjectBodySchema)
  @ApiZodResponse(201, projectSchema, [400, 401])
  create(
    @CurrentUser() user: AuthenticatedUser,
    @ZodBody(createProjectBodySchema) body: CreateProjectBody,
  ): Promise<Project> {
    return this.projects.create(user.id, body.name);
  }

  @Get(':projectId')
  @ApiUuidParam('projectId')
  @ApiZodResponse(200, projectSchema, [400, 401, 404])
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('projectId') projectId: string): Promise<Project> {
    return this.projects.get(user.id, projectId);
  }

  @Patch(':projectId')
  @ApiUuidParam('projectId')
  @ApiZodBody(renameProjectBodySchema)
  @ApiZodResponse(200, projectSchema, [400, 401, 403, 404])
  rename(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @ZodBody(renameProjectBodySchema) body: RenameProjectBody,
  ): Promise<Project> {
    return this.projects.rename(user.id, projectId, body.name);
  }

  @Delete(':projectId')
  @HttpCode(204)
  @ApiUuidParam('projectId')
  @ApiZodResponse(204, null, [400, 401, 403, 404])
  delete(@CurrentUser() user: AuthenticatedUser, @UuidParam('projectId') projectId: string): Promise<void> {
    return this.projects.delete(user.id, projectId);
  }

  @Get(':projectId/members')
  @ApiUuidParam('projectId')
  @ApiZodResponse(200, memberListSchema, [400, 401, 404])
  async members(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
  ): Promise<MemberList> {
    return { members: await this.projects.members(user.id, projectId) };
  }

  @Post(':projectId/members')
  @ApiUuidParam('projectId')
  @ApiZodBody(addMemberBodySchema)
  @ApiZodResponse(201, memberSchema, [400, 401, 403, 404, 409])
  addMember(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @ZodBody(addMemberBodySchema) body: AddMemberBody,
  ): Promise<Member> {
    return this.projects.addMember(user.id, projectId, body.email, body.role);
  }

  @Patch(':projectId/members/:userId')
  @ApiUuidParam('projectId')
  @ApiUuidParam('userId')
  @ApiZodBody(changeRoleBodySchema)
  @ApiZodResponse(200, memberSchema, [400, 401, 403, 404, 409])
  changeRole(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @UuidParam('userId') targetUserId: string,
    @ZodBody(changeRoleBodySchema) body: ChangeRoleBody,
  ): Promise<Member> {
    return this.projects.changeRole(user.id, projectId, targetUserId, body.role);
  }

  @Delete(':projectId/members/:userId')
  @HttpCode(204)
  @ApiUuidParam('projectId')
  @ApiUuidParam('userId')
  @ApiZodResponse(204, null, [400, 401, 403, 404, 409])
  removeMember(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('projectId') projectId: string,
    @UuidParam('userId') targetUserId: string,
  ): Promise<void> {
    return this.projects.removeMember(user.id, projectId, targetUserId);
  }
}
