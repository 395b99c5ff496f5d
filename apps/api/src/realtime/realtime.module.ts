import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ReviewModule } from '../review/review.module.js';
import { EventRelay } from './event-relay.js';
import { RealtimeGateway } from './realtime.gateway.js';

@Module({
  imports: [AuthModule, AssetsModule, ProjectsModule, ReviewModule],
  providers: [RealtimeGateway, EventRelay],
})
export class RealtimeModule {}
