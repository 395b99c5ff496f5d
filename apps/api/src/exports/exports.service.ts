import { Inject, Injectable } from '@nestjs/common';
import type { ExportFormat, ExportQuery } from '@cutroom/contracts';
import {
  CONTENT_TYPES,
  type ExportDocument,
  ExportLimitError,
  exportFileName,
  pinnedNotes,
  stillFileName,
  timecodeFormat,
  toAvidMarkers,
  toCsv,
  toEdl,
  toFcpxml,
  toJson,
  toXmeml,
} from '@cutroom/exports';
import { zipSync } from 'fflate';
import { AssetsService } from '../assets/assets.service.js';
import type { Logger } from '../common/logging/logger.js';
import { LoggerToken } from '../config/config.provider.js';
import { ExportSource } from './export-source.js';
import { ExportsErrorCode, ExportsException } from './exports.exception.js';
import { renderPdfReport } from './pdf-report.js';
import { FONT_FILES, StillRenderer, stillSize } from './still-renderer.js';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const TEXT_FORMATS: Partial<Record<ExportFormat, (document: ExportDocument) => string>> = {
  edl: toEdl,
  fcpxml: toFcpxml,
  xmeml: toXmeml,
  avid: toAvidMarkers,
  csv: toCsv,
  json: toJson,
};

/** Stills in the zip: the version's own size, up to 1080p-wide pictures. */
const STILLS_MAX_WIDTH = 1920;
/** Stills in a report: enough for print at the size they are shown. */
const REPORT_STILL_WIDTH = 640;

/** Notes leave the browser: each format rendered from the notes the caller may see. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly source: ExportSource,
    private readonly assets: AssetsService,
    private readonly stills: StillRenderer,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  async export(
    userId: string,
    versionId: string,
    format: ExportFormat,
    query: ExportQuery,
  ): Promise<ExportFile> {
    const started = performance.now();
    const { document } = await this.source.load(userId, versionId, query);
    const body = await this.render(versionId, document, format);
    this.logger.info(
      {
        versionId,
        format,
        notes: document.notes.length,
        bytes: body.length,
        ms: Math.round(performance.now() - started),
      },
      'notes exported',
    );
    return {
      fileName: exportFileName(document, format),
      contentType: CONTENT_TYPES[format],
      body,
    };
  }

  private async render(versionId: string, document: ExportDocument, format: ExportFormat): Promise<Buffer> {
    const text = TEXT_FORMATS[format];
    if (text) {
      try {
        return Buffer.from(text(document), 'utf8');
      } catch (error) {
        if (error instanceof ExportLimitError)
          throw new ExportsException(ExportsErrorCode.TooManyNotes, error.message, { cause: error });
        throw error;
      }
    }
    if (format === 'stills') return this.stillsZip(versionId, document);
    return this.pdf(versionId, document);
  }

  private async renderStills(
    versionId: string,
    document: ExportDocument,
    maxWidth: number,
    format: 'png' | 'jpeg',
  ): Promise<Buffer[]> {
    const notes = pinnedNotes(document);
    if (notes.length === 0) return [];
    const probe = await this.assets.versionProbe(versionId);
    if (!probe)
      throw new ExportsException(
        ExportsErrorCode.NoFrames,
        'This version has not been probed yet: try again when it is ready.',
      );
    const { width, height } = document.timeline;
    const size = stillSize({ width: width ?? 1280, height: height ?? 720 }, maxWidth);
    return this.stills.render(
      versionId,
      probe,
      notes.map((note) => ({ frame: note.frame, annotation: note.annotation })),
      size,
      format,
    );
  }

  private async stillsZip(versionId: string, document: ExportDocument): Promise<Buffer> {
    const images = await this.renderStills(versionId, document, STILLS_MAX_WIDTH, 'png');
    const tc = timecodeFormat(document.timeline);
    const entries = Object.fromEntries(
      pinnedNotes(document).map((note, index) => [
        stillFileName(tc.format(note.frame), index),
        [new Uint8Array(images[index]), { level: 0 as const }] as const,
      ]),
    );
    return Buffer.from(zipSync(entries as Parameters<typeof zipSync>[0]));
  }

  private async pdf(versionId: string, document: ExportDocument): Promise<Buffer> {
    const images = await this.renderStills(versionId, document, REPORT_STILL_WIDTH, 'jpeg');
    const byNote = new Map(pinnedNotes(document).map((note, index) => [note.id, images[index]]));
    return renderPdfReport(document, byNote, FONT_FILES);
  }
}
