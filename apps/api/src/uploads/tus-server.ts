import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { SESSION_COOKIE, type ApiError } from '@cutroom/contracts';
import { Server } from '@tus/server';
import { NodeRequest, sendNodeResponse } from 'srvx/node';
import { AuthService } from '../auth/auth.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AuthErrorCode, AuthException } from '../auth/auth.exception.js';
import { parseCookieHeader, readSessionToken } from '../auth/session-token.js';
import { toApiError } from '../common/http/api-exception.filter.js';
import type { Logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { isDiskFull } from '../media/disk-full.js';
import { MediaStorage } from '../media/media-storage.js';
import { tusErrorBody } from './tus-errors.js';
import { diskFullWhileReceiving, UploadFileStore } from './upload-file-store.js';
import { formatBytes, UploadsService } from './uploads.service.js';

export const UPLOADS_PATH = '/api/uploads';

type HookRequest = { headers: Headers };

/**
 * The tus endpoint (resumable uploads) at /api/uploads. Its hooks only translate: the rules
 * live in UploadsService. Every refusal, ours or tus's own, reaches the client as our usual JSON
 * error body, with the status and tus headers tus clients act on.
 */
@Injectable()
export class TusUploadServer {
  private readonly server: Server;
  private readonly maxUploadBytes: string;

  constructor(
    private readonly uploads: UploadsService,
    private readonly auth: AuthService,
    storage: MediaStorage,
    @Inject(AppConfigToken) config: AppConfig,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {
    const directory = storage.uploadsDir;
    this.maxUploadBytes = formatBytes(config.maxUploadBytes);
    this.server = new Server({
      path: UPLOADS_PATH,
      datastore: new UploadFileStore(directory, (upload) =>
        this.uploads
          .discard(upload.id, upload.metadata)
          .catch((error) =>
            this.logger.error({ err: error, uploadId: upload.id }, 'could not take back an upload'),
          ),
      ),
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

  async handle(request: IncomingMessage & { id?: unknown }, response: ServerResponse): Promise<void> {
    const answer = await this.server.handleWeb(new NodeRequest({ req: request, res: response }));
    const requestId = request.id === undefined ? undefined : String(request.id);
    await sendNodeResponse(
      response,
      answer.status >= 400 ? await this.asApiError(answer, requestId) : answer,
    );
  }

  /** tus's plain-text refusals (and our hooks' JSON ones) as the one error shape, with the request id. */
  private async asApiError(answer: Response, requestId: string | undefined): Promise<Response> {
    const text = await answer.text();
    let body = parseApiError(text);
    if (!body) {
      // 501 is tus refusing an extension the client asked for (Upload-Concat): the client's doing, not a failure.
      if (answer.status === 501)
        this.logger.info({ status: answer.status, said: text.trim() }, 'tus refused');
      else if (answer.status >= 500)
        this.logger.error({ status: answer.status, said: text.trim() }, 'tus failed');
      body = tusErrorBody(answer.status, text, { maxUploadBytes: this.maxUploadBytes });
    }
    body.requestId = requestId;
    const headers = new Headers(answer.headers);
    headers.set('Content-Type', 'application/json; charset=utf-8');
    headers.delete('Content-Length');
    return new Response(JSON.stringify(body), { status: answer.status, headers });
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
    const body = toApiError(isDiskFull(error) ? diskFullWhileReceiving(error) : error);
    if (body.statusCode >= 500) this.logger.error({ err: error }, 'upload request failed');
    return body;
  }
}

function parseApiError(text: string): ApiError | undefined {
  try {
    const parsed = JSON.parse(text) as ApiError;
    return typeof parsed?.statusCode === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
