import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';

/** Comments: the `comments` and `comment_reactions` tables are this context's, read by others through CommentsRepository. */
@Module({
  imports: [AssetsModule, ProjectsModule],
  controllers: [CommentsController],
  providers: [CommentsService, CommentsRepository],
  exports: [CommentsService, CommentsRepository],
})
export class ReviewModule {}
