import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { AuthCoreModule } from '../auth/auth-core.module.js';
import { ServerSecret } from '../common/secrets/server-secret.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { GuestAccessService } from './guest-access.service.js';
import { LinkTokens } from './link-tokens.js';
import { MovedCutLinks } from './moved-cut-links.js';
import { ReviewLinksController } from './review-links.controller.js';
import { ReviewLinksService } from './review-links.service.js';
import { ShareController } from './share.controller.js';

/** Review links: made by editors and owners, opened by guests who review with exactly what a link grants. */
@Module({
  imports: [AuthCoreModule, ProjectsModule, AssetsModule],
  controllers: [ReviewLinksController, ShareController],
  providers: [ReviewLinksService, GuestAccessService, LinkTokens, ServerSecret, MovedCutLinks],
  exports: [GuestAccessService],
})
export class SharingModule {}
