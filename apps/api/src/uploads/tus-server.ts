import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import {
  SESSION_COOKIE,
  UPLOAD_ASSET_HEADER,
  UPLOAD_VERSION_HEADER,
  type ApiError,
} from '@cutroom/contracts';
import { Server } from '@tus/server';
import { NodeRequest, sendNodeResponse } from 'srvx/node';
import { AuthService } from '../auth/auth.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AuthErrorCode, AuthException } from '../auth/auth.exception.js';
import { parseCookieHeader, readSessionToken } from '../auth/session-token.js';
import { toApiError } from '../common/http/api-exception.filter.js';
import { Metrics } from '../common/metrics/metrics.js';
import type { Logger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/config.js';
import { formatBytes } from '../common/text/format-bytes.js';
import { AppConfigToken, LoggerToken } from '../config/config.provider.js';
import { isDiskFull } from '../media/disk-full.js';
import { MediaStorage } from '../media/media-storage.js';
import { tusErrorBody } from './tus-errors.js';
import { streamingPatchHandler } from './streaming-patch-handler.js';
import { diskFullWhileReceiving, UploadFileStore } from './upload-file-store.js';
import { UploadsService } from './uploads.service.js';

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
  private readonly store: UploadFileStore;
  private readonly maxUploadBytes: string;
  /** Uploads a HEAD just finished: they leave the store once its answer is made. */
  private readonly finishedByHead = new Set<string>();

  constructor(
    private readonly uploads: UploadsService,
    private readonly auth: AuthService,
    storage: MediaStorage,
    @Inject(AppConfigToken) config: AppConfig,
    @Inject(LoggerToken) private readonly logger: Logger,
    metrics: Metrics,
  ) {
    const directory = storage.uploadsDir;
    this.maxUploadBytes = formatBytes(config.maxUploadBytes);
    const store = new UploadFileStore(directory, {
      onCreateFailed: (upload) =>
        this.uploads
          .discard(upload.id, upload.metadata)
          .catch((error) =>
            this.logger.error({ err: error, uploadId: upload.id }, 'could not take back an upload'),
          ),
      onWritten: (bytes) => metrics.uploadBytes.inc(bytes),
      onRehashed: (bytes) => metrics.uploadBytesRehashed.inc(bytes),
    });
    const finish = async (uploadId: string) => {
      const sealed = await store.seal(uploadId);
      await this.uploads.complete(uploadId, path.join(directory, uploadId), sealed);
    };
    // Finished while answering a HEAD: tus reads the upload from the store for its answer, so it
    // leaves the store once that answer is made (see handle).
    const finishIfWhole = async (uploadId: string) => {
      const upload = await store.getUpload(uploadId).catch(() => undefined);
      if (upload?.size === undefined || upload.offset !== upload.size) return;
      await finish(uploadId);
      this.finishedByHead.add(uploadId);
    };
    this.store = store;
    this.server = new Server({
      path: UPLOADS_PATH,
      datastore: store,
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
        const { uploading } = await this.refuseAsJson(() => this.uploads.requireOwnUpload(user, uploadId));
        // Cancelling: the version leaves the stack before the client hears 204.
        if (request.method === 'DELETE') await this.refuseAsJson(() => this.uploads.cancel(uploadId));
        // A client asking where to resume an upload whose every byte arrived, when finishing it
        // failed (the database was away for the last PATCH): it is finished now, before the
        // answer tells the client it is done.
        if (request.method === 'HEAD' && uploading) await this.refuseAsJson(() => finishIfWhole(uploadId));
      },
      onUploadFinish: async (_request, upload) => {
        // Durable and hashed before the client hears that the upload is done.
        await finish(upload.id);
        await this.leaveStore(upload.id);
        // The uploader's tray follows the version's processing from here.
        const { versionId, assetId } = upload.metadata ?? {};
        return {
          headers: {
            ...(versionId ? { [UPLOAD_VERSION_HEADER]: versionId } : {}),
            ...(assetId ? { [UPLOAD_ASSET_HEADER]: assetId } : {}),
          },
        };
      },
      onResponseError: (_request, error) => {
        if ('status_code' in error) return undefined;
        const body = this.errorBody(error);
        return { status_code: body.statusCode, body: JSON.stringify(body) };
      },
    });
    this.server.handlers.PATCH = streamingPatchHandler(this.server, store);
  }

  async handle(request: IncomingMessage & { id?: unknown }, response: ServerResponse): Promise<void> {
    let answer = await this.server.handleWeb(new NodeRequest({ req: request, res: response }));
    const finished = request.method === 'HEAD' ? this.takeFinishedByHead(request.url) : undefined;
    if (finished) answer = await this.withFinishedHeaders(answer, finished);
    const requestId = request.id === undefined ? undefined : String(request.id);
    await sendNodeResponse(
      response,
      answer.status >= 400 ? await this.asApiError(answer, requestId) : answer,
    );
  }

  /** The upload this HEAD finished, if it did, taken off the list. */
  private takeFinishedByHead(url: string | undefined): string | undefined {
    const uploadId = url?.split('?')[0].split('/').pop();
    if (!uploadId || !this.finishedByHead.delete(uploadId)) return undefined;
    return uploadId;
  }

  /** A HEAD that finished the upload says what the last PATCH would have (its version), then the upload leaves the store. */
  private async withFinishedHeaders(answer: Response, uploadId: string): Promise<Response> {
    const upload = await this.store.getUpload(uploadId).catch(() => undefined);
    await this.leaveStore(uploadId);
    const { versionId, assetId } = upload?.metadata ?? {};
    const headers = new Headers(answer.headers);
    if (versionId) headers.set(UPLOAD_VERSION_HEADER, versionId);
    if (assetId) headers.set(UPLOAD_ASSET_HEADER, assetId);
    return new Response(answer.body, { status: answer.status, headers });
  }

  /** The finished upload's file and record leave tus's store (its version has its own link to the file). */
  private async leaveStore(uploadId: string): Promise<void> {
    await this.store
      .remove(uploadId)
      .catch((error) => this.logger.warn({ err: error, uploadId }, 'a finished upload stayed in the store'));
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
