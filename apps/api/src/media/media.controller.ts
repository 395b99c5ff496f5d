import { existsSync } from 'node:fs';
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
import { attachmentHeader, servableFile } from './media-files.js';
import { MediaStorage } from './media-storage.js';

class MediaNotFound extends DomainException {
  constructor() {
    super('not_found', 'media_not_found', 'That media file does not exist (yet).');
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
  @ApiZodResponse(200, null, [401, 404])
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
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Cache-Control', file.mutable ? 'private, no-cache' : 'private, max-age=86400');
    await sendFile(response, found);
  }

  @Get('original')
  @ApiOperation({ summary: 'Download the file exactly as it was uploaded' })
  @ApiUuidParam('versionId')
  @ApiZodResponse(200, null, [401, 403, 404])
  async original(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.assets.requireVersion(user.id, versionId, 'media.download');
    const version = await this.assets.version(user.id, versionId);
    const original = this.storage.originalPath(versionId);
    if (version.status === 'uploading' || !existsSync(original)) throw new MediaNotFound();
    response.setHeader('Content-Disposition', attachmentHeader(version.originalFilename));
    response.setHeader('Content-Type', 'application/octet-stream');
    response.setHeader('Cache-Control', 'private, max-age=86400');
    await sendFile(response, original);
  }
}

/**
 * express's sendFile, which answers Range requests, as a promise. Dot segments are allowed: the
 * default DATA_DIR is `.data`, and the path was already checked against the whitelist.
 */
function sendFile(response: Response, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    response.sendFile(file, { acceptRanges: true, cacheControl: false, dotfiles: 'allow' }, (error) => {
      if (error && !response.headersSent) reject(new MediaNotFound());
      else resolve();
    });
  });
}
