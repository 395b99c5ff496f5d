import { Module } from '@nestjs/common';
import { AuthCoreModule } from '../auth/auth-core.module.js';
import { ServerSecret } from '../common/secrets/server-secret.js';
import { InvitationsController, ProjectInvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

@Module({
  imports: [AuthCoreModule],
  controllers: [ProjectsController, ProjectInvitationsController, InvitationsController],
  providers: [ProjectsService, InvitationsService, ServerSecret],
  exports: [ProjectsService],
})
export class ProjectsModule {}
