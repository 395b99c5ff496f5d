import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { AuthCoreModule } from '../auth/auth-core.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ReviewModule } from '../review/review.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { SharingModule } from '../sharing/sharing.module.js';
import { EventRelay } from './event-relay.js';
import { RealtimeGateway } from './realtime.gateway.js';

@Module({
  imports: [AuthCoreModule, AssetsModule, ProjectsModule, ReviewModule, SharingModule, SessionsModule],
  providers: [RealtimeGateway, EventRelay],
  exports: [RealtimeGateway],
})
export class RealtimeModule {}
