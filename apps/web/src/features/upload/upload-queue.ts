import * as tus from 'tus-js-client';
import { describeError } from '../../lib/api-client';
import {
  belongsToProject,
  describeUploadFailure,
  fingerprintOf,
  pickUploadToResume,
  uploadMetadataFor,
  targetOfStored,
  type StoredUpload,
  type UploadTarget,
} from './upload-rules';

export const UPLOAD_ENDPOINT = '/api/uploads';
const CHUNK_SIZE = 8 * 1024 * 1024;
const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10_000, 20_000];

export type UploadState = 'starting' | 'uploading' | 'paused' | 'done' | 'failed';

/** One file on its way to the server, as the upload list shows it. */
export interface UploadItem {
  id: string;
  fileName: string;
  target: UploadTarget;
  bytesSent: number;
  bytesTotal: number;
  state: UploadState;
  /** Continued an upload that a reload (or a closed tab) interrupted. */
  resumed: boolean;
  error: string | null;
}

interface Entry {
  item: UploadItem;
  upload: tus.Upload;
}

export interface UploadQueueEvents {
  /** The server created the version (and the asset, for a new one): lists can show it now. */
  onCreated(target: UploadTarget): void;
  /** The version is gone (cancelled) or done: lists and stacks may have changed. */
  onSettled(target: UploadTarget): void;
}

/**
 * Every upload of this browser tab, resumable with tus. It lives above the pages, so uploads carry on
 * while the person moves around the app; React reads it through useSyncExternalStore.
 */
export class UploadQueue {
  private entries: Entry[] = [];
  private snapshot: readonly UploadItem[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(private readonly events: UploadQueueEvents) {}

  getSnapshot = (): readonly UploadItem[] => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get hasActiveUploads(): boolean {
    return this.entries.some(({ item }) => item.state === 'starting' || item.state === 'uploading');
  }

  /** Starts each file, continuing its unfinished upload when this browser has one. */
  add(files: readonly File[], target: UploadTarget, assetNamesOfProject: ReadonlyMap<string, string>): void {
    for (const file of files) void this.start(file, target, assetNamesOfProject);
  }

  pause(id: string): void {
    const entry = this.find(id);
    if (!entry || (entry.item.state !== 'uploading' && entry.item.state !== 'starting')) return;
    void entry.upload.abort();
    this.update(id, { state: 'paused' });
  }

  resume(id: string): void {
    const entry = this.find(id);
    if (!entry || (entry.item.state !== 'paused' && entry.item.state !== 'failed')) return;
    this.update(id, { state: 'uploading', error: null });
    entry.upload.start();
  }

  /** Stops the upload and tells the server to drop what it received; the version disappears. */
  async cancel(id: string): Promise<void> {
    const entry = this.find(id);
    if (!entry) return;
    this.remove(id);
    try {
      await entry.upload.abort(entry.item.state !== 'done');
    } catch {
      // The server may already have dropped it; nothing is left to cancel.
    }
    const stored = await tus.defaultOptions.urlStorage.findUploadsByFingerprint(
      fingerprintOf(entry.upload.file as File),
    );
    await Promise.all(
      stored
        .filter((upload) => upload.uploadUrl === entry.upload.url)
        .map((upload) => tus.defaultOptions.urlStorage.removeUpload(upload.urlStorageKey)),
    );
    this.events.onSettled(entry.item.target);
  }

  dismiss(id: string): void {
    this.remove(id);
  }

  /** Drops finished uploads from the list. */
  clearFinished(projectId: string): void {
    this.entries = this.entries.filter(
      ({ item }) => item.state !== 'done' || item.target.projectId !== projectId,
    );
    this.publish();
  }

  /** Unfinished uploads this browser remembers for the project that no upload here is continuing. */
  async interrupted(projectId: string, assetIdsOfProject: ReadonlySet<string>): Promise<StoredUpload[]> {
    const active = new Set(this.entries.map(({ upload }) => upload.url).filter(Boolean));
    const all = await tus.defaultOptions.urlStorage.findAllUploads();
    return all.filter(
      (stored) =>
        stored.uploadUrl &&
        !active.has(stored.uploadUrl) &&
        belongsToProject(stored, projectId, assetIdsOfProject),
    );
  }

  /** Forgets an interrupted upload and tells the server to drop its bytes. */
  async discard(stored: StoredUpload): Promise<void> {
    if (stored.uploadUrl) {
      try {
        await tus.Upload.terminate(stored.uploadUrl, { retryDelays: [] });
      } catch {
        // Already gone on the server.
      }
    }
    await tus.defaultOptions.urlStorage.removeUpload(stored.urlStorageKey);
  }

  private async start(file: File, target: UploadTarget, assetNamesOfProject: ReadonlyMap<string, string>) {
    const id = `upload-${this.nextId++}`;
    const item: UploadItem = {
      id,
      fileName: file.name,
      target,
      bytesSent: 0,
      bytesTotal: file.size,
      state: 'starting',
      resumed: false,
      error: null,
    };
    const upload = new tus.Upload(file, {
      endpoint: UPLOAD_ENDPOINT,
      chunkSize: CHUNK_SIZE,
      retryDelays: RETRY_DELAYS_MS,
      metadata: uploadMetadataFor(file, target),
      fingerprint: (chosen) => Promise.resolve(fingerprintOf(chosen)),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onUploadUrlAvailable: () => {
        this.update(id, { state: 'uploading' });
        this.events.onCreated(this.find(id)?.item.target ?? target);
      },
      onProgress: (bytesSent, bytesTotal) => {
        const current = this.find(id)?.item;
        if (current?.state === 'paused') return;
        this.update(id, { bytesSent, bytesTotal, state: 'uploading' });
      },
      onSuccess: () => {
        this.update(id, { state: 'done', bytesSent: file.size, error: null });
        this.events.onSettled(this.find(id)?.item.target ?? target);
      },
      onError: (error) => {
        this.update(id, { state: 'failed', error: describeError(describeUploadFailure(error)) });
      },
    });
    this.entries = [...this.entries, { item, upload }];
    this.publish();

    const previous = await upload.findPreviousUploads().catch(() => []);
    const resumeFrom = pickUploadToResume(previous, target, new Set(assetNamesOfProject.keys()));
    if (resumeFrom) {
      upload.resumeFromPreviousUpload(resumeFrom);
      this.update(id, {
        resumed: true,
        target: targetOfStored(resumeFrom, target.projectId, assetNamesOfProject),
      });
    }
    if (this.find(id)?.item.state === 'starting') upload.start();
  }

  private find(id: string): Entry | undefined {
    return this.entries.find((entry) => entry.item.id === id);
  }

  private update(id: string, change: Partial<UploadItem>) {
    let changed = false;
    this.entries = this.entries.map((entry) => {
      if (entry.item.id !== id) return entry;
      changed = true;
      return { ...entry, item: { ...entry.item, ...change } };
    });
    if (changed) this.publish();
  }

  private remove(id: string) {
    this.entries = this.entries.filter((entry) => entry.item.id !== id);
    this.publish();
  }

  private publish() {
    this.snapshot = this.entries.map((entry) => entry.item);
    for (const listener of this.listeners) listener();
  }
}
