import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { SESSION_COOKIE, type ApiError } from '@cutroom/contracts';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { AuthService } from '../auth/auth.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AuthErrorCode, AuthException } from '../auth/auth.exception.js';
import { parseCookieHeader, readSessionToken } from '../auth/session-token.js';
import { toApiError } from '../common/http/api-exception.filter.js';
import type { Logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { MediaStorage } from '../media/media-storage.js';
import { UploadsService } from './uploads.service.js';

export const UPLOADS_PATH = '/api/uploads';

type HookRequest = { headers: Headers };

/**
 * The tus endpoint (resumable uploads) at /api/uploads. Its hooks only translate: the rules
 * live in UploadsService. Refusals reach the client as our usual JSON error body.
 */
@Injectable()
export class TusUploadServer {
  private readonly server: Server;

  constructor(
    private readonly uploads: UploadsService,
    private readonly auth: AuthService,
    storage: MediaStorage,
    @Inject(AppConfigToken) config: AppConfig,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {
    const directory = storage.uploadsDir;
    this.server = new Server({
      path: UPLOADS_PATH,
      datastore: new FileStore({ directory }),
      relativeLocation: true,
      allowedOrigins: [new URL(config.publicUrl).origin],
      respectForwardedHeaders: config.trustProxy,
      maxSize: config.maxUploadBytes,
      onUploadCreate: async (request, upload) => {
        const user = await this.signedIn(request);
        const metadata = this.uploads.parseMetadata(upload.metadata);
        const accepted = await this.refuseAsJson(() =>
          this.uploads.accept(user, upload.id, metadata, upload.size),
        );
        return { metadata: { ...upload.metadata, versionId: accepted.versionId, assetId: accepted.assetId } };
      },
      onIncomingRequest: async (request, uploadId) => {
        if (request.method === 'POST' || request.method === 'OPTIONS') return;
        const user = await this.signedIn(request);
        await this.refuseAsJson(() => this.uploads.requireOwnUpload(user, uploadId));
        // Cancelling: the version leaves the stack before the client hears 204.
        if (request.method === 'DELETE') await this.refuseAsJson(() => this.uploads.cancel(uploadId));
      },
      onUploadFinish: async (_request, upload) => {
        await this.uploads.complete(upload.id, path.join(directory, upload.id));
        return {};
      },
      onResponseError: (_request, error) => {
        if ('status_code' in error) return undefined;
        const body = this.errorBody(error);
        return { status_code: body.statusCode, body: JSON.stringify(body) };
      },
    });
  }

  handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    return this.server.handle(request, response);
  }

  private async signedIn(request: HookRequest): Promise<AuthenticatedUser> {
    const token = readSessionToken(
      request.headers.get('authorization') ?? undefined,
      parseCookieHeader(request.headers.get('cookie')),
      SESSION_COOKIE,
    );
    const user = token ? await this.auth.authenticate(token) : undefined;
    if (!user) throw this.toTusError(new AuthException(AuthErrorCode.NotSignedIn));
    return user;
  }

  private async refuseAsJson<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.toTusError(error);
    }
  }

  /** tus-node sends `{ status_code, body }` errors as they are. */
  private toTusError(error: unknown): { status_code: number; body: string } {
    const body = this.errorBody(error);
    return { status_code: body.statusCode, body: JSON.stringify(body) };
  }

  /** Our one error shape (as the exception filter sends it); failures of ours are logged. */
  private errorBody(error: unknown): ApiError {
    const body = toApiError(error);
    if (body.statusCode >= 500) this.logger.error({ err: error }, 'upload request failed');
    return body;
  }
}
