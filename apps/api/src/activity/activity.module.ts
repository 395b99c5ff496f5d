import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { ActivityController } from './activity.controller.js';
import { ActivityFanout } from './activity-fanout.js';
import { ActivityMailer } from './activity-mailer.js';
import { ActivityRelay } from './activity-relay.js';
import { ActivityService } from './activity.service.js';

@Module({
  imports: [RealtimeModule],
  controllers: [ActivityController],
  providers: [ActivityService, ActivityFanout, ActivityMailer, ActivityRelay],
})
export class ActivityModule {}
