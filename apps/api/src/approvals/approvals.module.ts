import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { MediaModule } from '../media/media.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ReviewModule } from '../review/review.module.js';
import { ApprovalsController } from './approvals.controller.js';
import { ApproversService } from './approvers.service.js';
import { DecisionsService } from './decisions.service.js';
import { DueDatesService } from './due-dates.service.js';
import { RoundHistoryService } from './round-history.service.js';
import { RoundReminders } from './round-reminders.js';
import { RoundsBoardController } from './rounds-board.controller.js';
import { RoundsBoardService } from './rounds-board.service.js';
import { RoundsController } from './rounds.controller.js';
import { RoundsService } from './rounds.service.js';

@Module({
  imports: [AssetsModule, MediaModule, ProjectsModule, ReviewModule],
  controllers: [ApprovalsController, RoundsController, RoundsBoardController],
  providers: [
    DecisionsService,
    ApproversService,
    RoundsService,
    RoundsBoardService,
    DueDatesService,
    RoundReminders,
    RoundHistoryService,
  ],
  exports: [DecisionsService],
})
export class ApprovalsModule {}
