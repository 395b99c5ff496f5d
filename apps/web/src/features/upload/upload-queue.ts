import type { Upload } from 'tus-js-client';
import { UPLOAD_ASSET_HEADER, UPLOAD_VERSION_HEADER } from '@cutroom/contracts';
import { describeError } from '../../lib/api-client';
import { sortOutMedia } from './media-files';
import { addSample, bytesPerSecond, isStalled, secondsLeft, type ProgressSample } from './transfer-rate';
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
/** tus-js-client arrives with the first upload: pages that only play and review never load it. */
const loadTus = () => import('tus-js-client');
/**
 * One PATCH per 64 MiB, on one kept-alive connection. Each chunk costs a round trip and the
 * server's per-request checks, so small chunks leave the connection idle between them: with
 * 8 MiB chunks a 1 GiB upload from Chromium took twice as long or more as one plain request
 * (npm run bench:upload); from 64 MiB up the chunk size hardly matters. The browser streams each
 * chunk from the file, so its size costs no memory, and a chunk cut off keeps the bytes that
 * arrived: the upload resumes after them. Files upload side by side, one connection each (the
 * server does not take one file in parallel parts: tus's concatenation is not offered).
 */
const CHUNK_SIZE = 64 * 1024 * 1024;
const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10_000, 20_000];

export type UploadState = 'starting' | 'uploading' | 'paused' | 'done' | 'failed' | 'refused';

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
  /** Bytes a second lately, and the seconds left at that pace; null until measured. */
  bytesPerSecond: number | null;
  secondsLeft: number | null;
  /** Uploading, but no byte has gone through for a while. */
  stalled: boolean;
  /** The version the upload became, once the server has it all: its processing is followed from there. */
  versionId: string | null;
  assetId: string | null;
}

interface Entry {
  item: UploadItem;
  /** Absent for a file that was refused before any upload began. */
  upload?: Upload;
  samples: ProgressSample[];
  lastProgressAt: number;
  /** When the upload list last showed this upload's progress. */
  shownAt?: number;
}

const STALL_CHECK_MS = 1000;
/**
 * The upload list shows progress at most this often: the browser reports it many times a second,
 * and redrawing the list each time takes CPU from the upload itself.
 */
const SHOW_PROGRESS_EVERY_MS = 250;

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
  private stallTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly events: UploadQueueEvents,
    private readonly now: () => number = Date.now,
  ) {}

  getSnapshot = (): readonly UploadItem[] => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get hasActiveUploads(): boolean {
    return this.entries.some(({ item }) => item.state === 'starting' || item.state === 'uploading');
  }

  /**
   * Starts each media file, continuing its unfinished upload when this browser has one; any other
   * file is listed as refused, with the reason.
   */
  add(files: readonly File[], target: UploadTarget, assetNamesOfProject: ReadonlyMap<string, string>): void {
    const { media, refused } = sortOutMedia(files);
    for (const { file, reason } of refused) {
      const item = this.newItem(file, target);
      this.entries = [
        ...this.entries,
        { item: { ...item, state: 'refused', error: reason }, samples: [], lastProgressAt: 0 },
      ];
    }
    if (refused.length > 0) this.publish();
    for (const file of media) void this.start(file, target, assetNamesOfProject);
  }

  pause(id: string): void {
    const entry = this.find(id);
    if (!entry?.upload || (entry.item.state !== 'uploading' && entry.item.state !== 'starting')) return;
    void entry.upload.abort();
    this.update(id, { state: 'paused', stalled: false, bytesPerSecond: null, secondsLeft: null });
  }

  /** Continues a paused, failed or stalled upload from what the server has. */
  resume(id: string): void {
    const entry = this.find(id);
    if (!entry?.upload) return;
    const { state, stalled } = entry.item;
    if (state !== 'paused' && state !== 'failed' && !(state === 'uploading' && stalled)) return;
    const upload = entry.upload;
    this.setEntry(id, { samples: [], lastProgressAt: this.now() });
    this.update(id, { state: 'uploading', error: null, stalled: false });
    // A stalled request is dropped first: the new one asks the server where to go on from.
    void (stalled ? upload.abort().catch(() => undefined) : Promise.resolve()).then(() => upload.start());
  }

  /** Stops the upload and tells the server to drop what it received; the version disappears. */
  async cancel(id: string): Promise<void> {
    const entry = this.find(id);
    if (!entry) return;
    this.remove(id);
    const upload = entry.upload;
    if (!upload) return;
    try {
      await upload.abort(entry.item.state !== 'done');
    } catch {
      // The server may already have dropped it; nothing is left to cancel.
    }
    const tus = await loadTus();
    const stored = await tus.defaultOptions.urlStorage.findUploadsByFingerprint(
      fingerprintOf(upload.file as File),
    );
    await Promise.all(
      stored
        .filter((stale) => stale.uploadUrl === upload.url)
        .map((stale) => tus.defaultOptions.urlStorage.removeUpload(stale.urlStorageKey)),
    );
    this.events.onSettled(entry.item.target);
  }

  dismiss(id: string): void {
    this.remove(id);
  }

  /** Drops finished uploads from the list. */
  clearFinished(projectId: string): void {
    this.entries = this.entries.filter(
      ({ item }) =>
        (item.state !== 'done' && item.state !== 'refused') || item.target.projectId !== projectId,
    );
    this.publish();
  }

  /** Unfinished uploads this browser remembers for the project that no upload here is continuing. */
  async interrupted(projectId: string, assetIdsOfProject: ReadonlySet<string>): Promise<StoredUpload[]> {
    const active = new Set(this.entries.map(({ upload }) => upload?.url).filter(Boolean));
    const tus = await loadTus();
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
    const tus = await loadTus();
    if (stored.uploadUrl) {
      try {
        await tus.Upload.terminate(stored.uploadUrl, { retryDelays: [] });
      } catch {
        // Already gone on the server.
      }
    }
    await tus.defaultOptions.urlStorage.removeUpload(stored.urlStorageKey);
  }

  private newItem(file: File, target: UploadTarget): UploadItem {
    return {
      id: `upload-${this.nextId++}`,
      fileName: file.name,
      target,
      bytesSent: 0,
      bytesTotal: file.size,
      state: 'starting',
      resumed: false,
      error: null,
      bytesPerSecond: null,
      secondsLeft: null,
      stalled: false,
      versionId: null,
      assetId: target.kind === 'new-version' ? target.assetId : null,
    };
  }

  private async start(file: File, target: UploadTarget, assetNamesOfProject: ReadonlyMap<string, string>) {
    const tus = await loadTus();
    const item = this.newItem(file, target);
    const id = item.id;
    const upload = new tus.Upload(file, {
      endpoint: UPLOAD_ENDPOINT,
      chunkSize: CHUNK_SIZE,
      retryDelays: RETRY_DELAYS_MS,
      metadata: uploadMetadataFor(file, target),
      fingerprint: (chosen) => Promise.resolve(fingerprintOf(chosen)),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onUploadUrlAvailable: () => {
        this.setEntry(id, { lastProgressAt: this.now() });
        this.update(id, { state: 'uploading' });
        this.events.onCreated(this.find(id)?.item.target ?? target);
      },
      onProgress: (bytesSent, bytesTotal) => this.progressed(id, bytesSent, bytesTotal),
      onSuccess: ({ lastResponse }) => {
        this.update(id, {
          state: 'done',
          bytesSent: file.size,
          error: null,
          stalled: false,
          secondsLeft: null,
          versionId: lastResponse.getHeader(UPLOAD_VERSION_HEADER) ?? null,
          assetId: lastResponse.getHeader(UPLOAD_ASSET_HEADER) ?? item.assetId,
        });
        this.events.onSettled(this.find(id)?.item.target ?? target);
      },
      onError: (error) => {
        this.update(id, {
          state: 'failed',
          stalled: false,
          bytesPerSecond: null,
          secondsLeft: null,
          error: describeError(describeUploadFailure(error)),
        });
      },
    });
    this.entries = [...this.entries, { item, upload, samples: [], lastProgressAt: this.now() }];
    this.publish();
    this.watchForStalls();

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

  private progressed(id: string, bytesSent: number, bytesTotal: number) {
    const entry = this.find(id);
    if (!entry || entry.item.state === 'paused') return;
    const at = this.now();
    const samples = addSample(entry.samples, { at, bytes: bytesSent });
    const shownLately =
      entry.item.state === 'uploading' &&
      !entry.item.stalled &&
      entry.shownAt !== undefined &&
      at - entry.shownAt < SHOW_PROGRESS_EVERY_MS;
    this.setEntry(
      id,
      shownLately ? { samples, lastProgressAt: at } : { samples, lastProgressAt: at, shownAt: at },
    );
    if (shownLately) return;
    const rate = bytesPerSecond(samples);
    this.update(id, {
      bytesSent,
      bytesTotal,
      state: 'uploading',
      stalled: false,
      bytesPerSecond: rate,
      secondsLeft: secondsLeft(bytesSent, bytesTotal, rate),
    });
  }

  /** Checks every second whether an upload has stopped moving; stops checking when none is active. */
  private watchForStalls() {
    if (this.stallTimer !== null) return;
    this.stallTimer = setInterval(() => {
      const now = this.now();
      for (const { item, lastProgressAt } of this.entries) {
        if (item.state === 'uploading' && !item.stalled && isStalled(lastProgressAt, now)) {
          this.update(item.id, { stalled: true, bytesPerSecond: null, secondsLeft: null });
        }
      }
      if (!this.hasActiveUploads && this.stallTimer !== null) {
        clearInterval(this.stallTimer);
        this.stallTimer = null;
      }
    }, STALL_CHECK_MS);
  }

  private setEntry(id: string, change: Partial<Pick<Entry, 'samples' | 'lastProgressAt' | 'shownAt'>>) {
    this.entries = this.entries.map((entry) => (entry.item.id === id ? { ...entry, ...change } : entry));
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
