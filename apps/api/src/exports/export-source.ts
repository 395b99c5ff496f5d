import { Inject, Injectable } from '@nestjs/common';
import type { ApprovalState, CommentFilters, ExportQuery, Version } from '@cutroom/contracts';
import { type ExportDocument, notesFromComments } from '@cutroom/exports';
import { can, isGuest } from '@cutroom/policy';
import { AssetsService } from '../assets/assets.service.js';
import { DecisionsService } from '../approvals/decisions.service.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';
import { ProjectsService } from '../projects/projects.service.js';
import { CommentsService } from '../review/comments.service.js';
import { ExportsErrorCode, ExportsException } from './exports.exception.js';

const APPROVAL_WORDS: Record<ApprovalState, string> = {
  approved: 'Approved',
  changes_requested: 'Changes requested',
  in_review: 'In review',
};

/** What an export is made of, read as the caller may see it. */
export interface ExportSourceData {
  document: ExportDocument;
  version: Version;
  assetId: string;
}

/**
 * Gathers a version's notes for export, through the contexts that own them: access from assets,
 * threads from review (which already hides internal threads from guests), approval from approvals.
 */
@Injectable()
export class ExportSource {
  constructor(
    private readonly assets: AssetsService,
    private readonly projects: ProjectsService,
    private readonly comments: CommentsService,
    private readonly decisions: DecisionsService,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  async load(userId: string, versionId: string, query: ExportQuery): Promise<ExportSourceData> {
    const access = await this.assets.requireVersion(userId, versionId, 'project.view');
    if (!can(access.role, 'notes.export')) {
      throw new ExportsException(
        ExportsErrorCode.NotAllowed,
        isGuest(access.role)
          ? 'This review link does not allow downloads, so its notes cannot be exported.'
          : 'Your role in this project does not allow exporting notes.',
      );
    }
    const version = await this.assets.version(userId, versionId);
    const media = version.media;
    if (!media || media.kind !== 'video' || !media.fpsNum || !media.fpsDen || media.frameCount === null) {
      throw new ExportsException(
        ExportsErrorCode.NoFrames,
        media
          ? 'This version has no picture: notes are exported against video frames.'
          : 'This version is still being processed: its frames are not known yet. Try again when it is ready.',
      );
    }
    const [asset, project, { comments: threads }, approval] = await Promise.all([
      this.assets.get(userId, access.assetId),
      this.projects.name(access.projectId),
      this.comments.list(userId, versionId, { status: query.status } as CommentFilters),
      this.decisions.versionState(userId, versionId),
    ]);
    // Internal is the thread's: a reply carries its thread's value, so dropping rows drops whole threads.
    const leaveOutInternal = query.internal === 'false' || isGuest(access.role);
    const visible = leaveOutInternal ? threads.filter((comment) => !comment.internal) : threads;
    const base = this.config.publicUrl;
    const document: ExportDocument = {
      project,
      cut: asset.name,
      versionNumber: version.number,
      exportedAt: new Date().toISOString(),
      approval: APPROVAL_WORDS[approval] ?? null,
      timeline: {
        fpsNum: media.fpsNum,
        fpsDen: media.fpsDen,
        frameCount: media.frameCount,
        startTimecode: media.startTimecode,
        dropFrame: media.dropFrame,
        width: media.width,
        height: media.height,
      },
      notes: notesFromComments(visible),
      frameLink: (frame) => `${base}/assets/${access.assetId}?version=${version.number}&frame=${frame}`,
    };
    return { document, version, assetId: access.assetId };
  }
}
