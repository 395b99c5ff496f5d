import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';

@Module({
  imports: [AssetsModule],
  controllers: [CommentsController],
  providers: [CommentsService],
  exports: [CommentsService],
})
export class ReviewModule {}
