import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AssetsService } from '../assets/assets.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { GuestAllowed } from '../common/auth/guest-allowed.decorator.js';
import { DomainException } from '../common/http/domain.exception.js';
import { ApiUuidParam, ApiZodResponse, UuidParam } from '../common/validation/zod-route.decorators.js';
import { attachmentHeader, rangeAnswer, servableFile } from './media-files.js';
import { MediaStorage } from './media-storage.js';

class MediaNotFound extends DomainException {
  constructor() {
    super('not_found', 'media_not_found', 'That media file does not exist (yet).');
  }
}

class RangeNotSatisfiable extends DomainException {
  constructor(size: number) {
    super(
      'range_not_satisfiable',
      'range_not_satisfiable',
      `The requested range starts beyond the end of the file (${size} bytes).`,
    );
  }
}

/** Serves a version's playlists, segments, extras and original to those allowed to see it. */
@ApiTags('media')
@GuestAllowed()
@Controller('versions/:versionId')
export class MediaController {
  constructor(
    private readonly assets: AssetsService,
    private readonly storage: MediaStorage,
  ) {}

  @Get('media/*file')
  @ApiOperation({
    summary:
      'HLS playlists and fMP4 segments (master.m3u8, <rendition>/index.m3u8, …), poster.jpg, storyboard.vtt and its sprites, waveform.json',
  })
  @ApiUuidParam('versionId')
  @ApiParam({ name: 'file', type: 'string', example: 'master.m3u8' })
  @ApiZodResponse(200, null, [401, 404, 416])
  async media(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.assets.requireVersion(user.id, versionId, 'project.view');
    const raw = (request.params as Record<string, string | string[]>).file;
    const file = servableFile(Array.isArray(raw) ? raw.join('/') : String(raw));
    if (!file) throw new MediaNotFound();
    const dir = this.storage.versionDir(versionId);
    const candidates = file.inHls
      ? [path.join(dir, 'hls', file.relative), path.join(dir, 'hls.partial', file.relative)]
      : [path.join(dir, file.relative)];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (!found) throw new MediaNotFound();
    await sendFile(request, response, found, {
      'Content-Type': file.contentType,
      'Cache-Control': file.mutable ? 'private, no-cache' : 'private, max-age=86400',
    });
  }

  @Get('original')
  @ApiOperation({ summary: 'Download the file exactly as it was uploaded' })
  @ApiUuidParam('versionId')
  @ApiZodResponse(200, null, [401, 403, 404, 416])
  async original(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.assets.requireVersion(user.id, versionId, 'media.download');
    const version = await this.assets.version(user.id, versionId);
    const original = this.storage.originalPath(versionId);
    if (version.status === 'uploading' || !existsSync(original)) throw new MediaNotFound();
    await sendFile(request, response, original, {
      'Content-Disposition': attachmentHeader(version.originalFilename),
      'Content-Type': 'application/octet-stream',
      'Cache-Control': 'private, max-age=86400',
    });
  }
}

/**
 * express's sendFile as a promise, with the ranges it gets wrong answered here: a range past the
 * end is a 416 (it would say 404), a suffix longer than the file is the whole file. Dot segments
 * are allowed: the default DATA_DIR is `.data`, and the path was already checked.
 */
async function sendFile(
  request: Request,
  response: Response,
  file: string,
  headers: Record<string, string>,
): Promise<void> {
  const size = await fs.stat(file).then(
    (stats) => stats.size,
    () => {
      throw new MediaNotFound();
    },
  );
  const range = rangeAnswer(request.headers.range, size, {
    ifRange: request.headers['if-range'] !== undefined,
  });
  if (range === 'unsatisfiable') {
    response.setHeader('Content-Range', `bytes */${size}`);
    throw new RangeNotSatisfiable(size);
  }
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('Accept-Ranges', 'bytes');
  const acceptRanges = range === 'partial';
  return new Promise((resolve, reject) => {
    response.sendFile(file, { acceptRanges, cacheControl: false, dotfiles: 'allow' }, (error) => {
      if (!error || response.headersSent) return resolve();
      // The error is answered as JSON, not as the file's type.
      for (const name of [...Object.keys(headers), 'Accept-Ranges']) response.removeHeader(name);
      reject(new MediaNotFound());
    });
  });
}
