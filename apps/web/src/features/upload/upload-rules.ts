import type { UploadMetadata } from '@cutroom/contracts';
import { ApiRequestError, parseErrorResponse } from '../../lib/api-client';

/** Where a file goes: a new asset in a project, or the next version of an existing asset. */
export type UploadTarget =
  | { kind: 'new-asset'; projectId: string }
  | { kind: 'new-version'; projectId: string; assetId: string; assetName: string };

/** The file properties tus needs; a `File` has them all. */
export interface UploadFileInfo {
  name: string;
  type: string;
  size: number;
  lastModified: number;
}

/** The upload's stored record, as tus-js-client keeps it in localStorage for resuming. */
export interface StoredUpload {
  size: number | null;
  metadata: Record<string, string>;
  creationTime: string;
  urlStorageKey: string;
  uploadUrl: string | null;
}

/** "clip.final.mov" → "clip.final": what a new asset is called. */
export function assetNameFromFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  return base.trim() || fileName;
}

/** The tus `Upload-Metadata` for a file sent to `target`. */
export function uploadMetadataFor(file: UploadFileInfo, target: UploadTarget): Record<string, string> {
  const common: Pick<UploadMetadata, 'filename' | 'filetype'> = { filename: file.name };
  if (file.type) common.filetype = file.type;
  if (target.kind === 'new-version') return { ...common, assetId: target.assetId } as Record<string, string>;
  return {
    ...common,
    projectId: target.projectId,
    assetName: assetNameFromFileName(file.name),
  } as Record<string, string>;
}

/**
 * Identifies a file across reloads (tus stores uploads under it). It leaves out the target, so
 * choosing the same file again finds its unfinished upload wherever it was going.
 */
export function fingerprintOf(file: UploadFileInfo): string {
  return ['cutroom', file.name, file.type, file.size, file.lastModified].join('::');
}

/** Whether a stored, unfinished upload belongs to this project (directly, or through one of its assets). */
export function belongsToProject(
  stored: StoredUpload,
  projectId: string,
  assetIdsOfProject: ReadonlySet<string>,
): boolean {
  const { projectId: storedProject, assetId } = stored.metadata;
  return storedProject === projectId || (assetId !== undefined && assetIdsOfProject.has(assetId));
}

/**
 * Which unfinished upload of this file to continue: one going to the same place; failing that, when the
 * person just chose the file again for the project, any in this project. The newest wins.
 */
export function pickUploadToResume<Stored extends StoredUpload>(
  previous: readonly Stored[],
  target: UploadTarget,
  assetIdsOfProject: ReadonlySet<string>,
): Stored | undefined {
  const resumable = previous
    .filter((stored) => stored.uploadUrl)
    .sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime));
  const sameTarget = resumable.find((stored) =>
    target.kind === 'new-version'
      ? stored.metadata.assetId === target.assetId
      : stored.metadata.projectId === target.projectId,
  );
  if (sameTarget || target.kind === 'new-version') return sameTarget;
  return resumable.find((stored) => belongsToProject(stored, target.projectId, assetIdsOfProject));
}

/** The target a stored upload was going to, for showing it and resuming it. */
export function targetOfStored(
  stored: StoredUpload,
  projectId: string,
  assetNames: ReadonlyMap<string, string>,
): UploadTarget {
  const { assetId } = stored.metadata;
  if (assetId)
    return { kind: 'new-version', projectId, assetId, assetName: assetNames.get(assetId) ?? 'a cut' };
  return { kind: 'new-asset', projectId };
}

/** What tus-js-client's DetailedError carries about the response. */
interface TusFailure {
  originalResponse?: {
    getStatus(): number;
    getBody(): string;
    getHeader(name: string): string | undefined;
  } | null;
}

/**
 * A sentence for a failed upload. The server answers refusals with our JSON error body; a dropped
 * connection has no response at all.
 */
export function describeUploadFailure(error: unknown): ApiRequestError {
  const response = (error as TusFailure | null)?.originalResponse;
  if (response && response.getStatus() > 0) {
    return parseErrorResponse({
      status: response.getStatus(),
      statusText: '',
      bodyText: response.getBody() ?? '',
      retryAfter: response.getHeader('Retry-After') ?? null,
    });
  }
  return new ApiRequestError({
    status: 0,
    error: 'Network Error',
    message: 'The connection to the server was lost. Resume to continue from where it stopped.',
  });
}

/** "1.5 MB", "820 KB", "3.2 GB": sizes people read (decimal units, as file browsers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
