import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ApprovalsController } from './approvals.controller.js';
import { ApproversService } from './approvers.service.js';
import { DecisionsService } from './decisions.service.js';
import { RoundsController } from './rounds.controller.js';
import { RoundsService } from './rounds.service.js';

@Module({
  imports: [AssetsModule, ProjectsModule],
  controllers: [ApprovalsController, RoundsController],
  providers: [DecisionsService, ApproversService, RoundsService],
  exports: [DecisionsService],
})
export class ApprovalsModule {}
