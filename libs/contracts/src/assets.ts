import { z } from 'zod';
import { uuidInput } from './ids';
import { safeText } from './text';

export const ASSET_NAME_MAX = 300;

const assetNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(ASSET_NAME_MAX)
  .check(safeText('line'));

export const createAssetBodySchema = z.strictObject({ name: assetNameSchema });
export type CreateAssetBody = z.infer<typeof createAssetBodySchema>;

export const renameAssetBodySchema = z.strictObject({ name: assetNameSchema });
export type RenameAssetBody = z.infer<typeof renameAssetBodySchema>;

/**
 * Moves a cut, with its versions, notes, decisions and media, to another project. `fromProjectId`,
 * when given, is the project the mover saw the cut in: if someone moved it meanwhile, the move is
 * refused (409 `moved_meanwhile`) rather than taking the cut from wherever it went.
 */
export const moveAssetBodySchema = z.strictObject({
  projectId: uuidInput(),
  fromProjectId: uuidInput().optional(),
});
export type MoveAssetBody = z.infer<typeof moveAssetBodySchema>;

export const versionStatuses = ['uploading', 'queued', 'processing', 'ready', 'failed'] as const;
export const versionStatusSchema = z.enum(versionStatuses);
export type VersionStatus = z.infer<typeof versionStatusSchema>;

export const mediaKinds = ['video', 'audio', 'still'] as const;
export const mediaKindSchema = z.enum(mediaKinds);
export type MediaKind = z.infer<typeof mediaKindSchema>;

export const processingStages = ['probe', 'transcode', 'thumbnails', 'waveform', 'publish'] as const;
export const processingStageSchema = z.enum(processingStages);
export type ProcessingStage = z.infer<typeof processingStageSchema>;

/** The picture and sound of a version as ffprobe read it. Frame numbers are the truth; seconds derive. */
export const versionMediaSchema = z.object({
  kind: mediaKindSchema,
  fpsNum: z.number().int().positive().nullable(),
  fpsDen: z.number().int().positive().nullable(),
  frameCount: z.number().int().nonnegative().nullable(),
  durationSeconds: z.number().nonnegative().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  startTimecode: z.string().nullable(),
  dropFrame: z.boolean(),
  /** The source had a variable frame rate (its frames are not evenly spaced in time). */
  variableFrameRate: z.boolean(),
  /**
   * The renditions are the source's frames conformed to the constant fpsNum/fpsDen: each frame
   * held until the next, every one shown at its own time (within half a frame); frame numbers,
   * timecode and notes count on this timeline. Absent on versions processed before conforming.
   */
  conformed: z.boolean().optional(),
  /** A variable-rate source's own frames per second on average (e.g. 23.46); null when constant-rate. */
  sourceAverageFps: z.number().positive().nullable().optional(),
  /** The version has sound (an audio rendition and a waveform). */
  hasAudio: z.boolean().optional(),
});
export type VersionMedia = z.infer<typeof versionMediaSchema>;

export const renditionSchema = z.object({
  name: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bandwidth: z.number().int(),
});
export type Rendition = z.infer<typeof renditionSchema>;

export const versionSchema = z.object({
  id: z.uuid(),
  assetId: z.uuid(),
  number: z.number().int().positive(),
  status: versionStatusSchema,
  /** Set when status is `failed`: a sentence a person can act on. */
  failureReason: z.string().nullable(),
  stage: processingStageSchema.nullable(),
  /** 0–100 within the current stage. */
  progress: z.number().min(0).max(100),
  /** The lowest rendition can already be played, though processing continues. */
  playable: z.boolean(),
  originalFilename: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().nullable(),
  uploadedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  readyAt: z.iso.datetime().nullable(),
  media: versionMediaSchema.nullable(),
  renditions: z.array(renditionSchema),
  /** Where to fetch media for this version; absent until it exists. */
  urls: z.object({
    master: z.string().nullable(),
    poster: z.string().nullable(),
    storyboard: z.string().nullable(),
    waveform: z.string().nullable(),
    original: z.string(),
  }),
});
export type Version = z.infer<typeof versionSchema>;

export const assetSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  name: z.string(),
  versionCount: z.number().int().nonnegative(),
  latestVersion: versionSchema.nullable(),
  /** The asset's newest event seq when this was read: live events after it are news. */
  lastSeq: z.number().int().nonnegative(),
  /** Unresolved notes (threads, not replies) on the newest version that the reader may see. */
  openNoteCount: z.number().int().nonnegative(),
  /** When anything the reader may see last happened to the cut: upload, note, decision, rename. */
  lastActivityAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Asset = z.infer<typeof assetSchema>;

export const assetListSchema = z.object({ assets: z.array(assetSchema) });
export type AssetList = z.infer<typeof assetListSchema>;

/** A cut in a project's "Recently deleted": who deleted it, when, and when it is erased for good. */
export const deletedAssetSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  name: z.string(),
  versionCount: z.number().int().nonnegative(),
  deletedAt: z.iso.datetime(),
  deletedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /** When the purge erases it, with its versions, notes and media. */
  purgeAt: z.iso.datetime(),
});
export type DeletedAsset = z.infer<typeof deletedAssetSchema>;

export const deletedAssetListSchema = z.object({
  assets: z.array(deletedAssetSchema),
  /** How many days a deleted cut can be restored (DELETED_RETENTION_DAYS). */
  retentionDays: z.number().int().positive(),
});
export type DeletedAssetList = z.infer<typeof deletedAssetListSchema>;

export const versionListSchema = z.object({ versions: z.array(versionSchema) });
export type VersionList = z.infer<typeof versionListSchema>;

export const UPLOAD_FILENAME_MAX = 500;

/** Response headers of the request that completes an upload: the version (and asset) it became. */
export const UPLOAD_VERSION_HEADER = 'Cutroom-Version-Id';
export const UPLOAD_ASSET_HEADER = 'Cutroom-Asset-Id';

/** An uploaded file's name as the client gives it: one line of valid text (no NUL, no lone surrogate). */
export const uploadFilenameSchema = z.string().trim().min(1).max(UPLOAD_FILENAME_MAX).check(safeText('line'));

/**
 * tus upload metadata (the `Upload-Metadata` header): `filename` always; then either
 * `assetId` (a new version of that asset) or `projectId` + optional `assetName` (a new asset).
 */
export const uploadMetadataSchema = z
  .object({
    filename: uploadFilenameSchema,
    filetype: z.string().max(200).check(safeText('line')).optional(),
    assetId: uuidInput().optional(),
    projectId: uuidInput().optional(),
    assetName: assetNameSchema.optional(),
  })
  .refine((m) => Boolean(m.assetId) !== Boolean(m.projectId), {
    message: 'name either assetId (a new version) or projectId (a new asset), not both',
  });
export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

/**
 * A cut after its move: as the new project shows it, and who its own approvers list lost because
 * they are not members of that project who may approve (its list is the project's default when
 * nobody is left on it).
 */
export const movedAssetSchema = z.object({
  asset: assetSchema,
  approversRemoved: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
});
export type MovedAsset = z.infer<typeof movedAssetSchema>;
