import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { LiveSessionHistoryService } from './live-session-history.service.js';
import { LiveSessionsService } from './live-sessions.service.js';
import { RemovedCutSessions } from './removed-cut-sessions.js';
import { SessionsController } from './sessions.controller.js';

/** Live review sessions: one host drives, everyone in the session follows the same frame. */
@Module({
  imports: [AssetsModule],
  controllers: [SessionsController],
  providers: [LiveSessionsService, LiveSessionHistoryService, RemovedCutSessions],
  exports: [LiveSessionsService],
})
export class SessionsModule {}
