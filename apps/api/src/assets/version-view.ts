import type { ProcessingStage, Rendition, Version, VersionMedia, VersionStatus } from '@cutroom/contracts';

/** A `versions` row joined with its uploader's name, as read by raw SQL. */
export interface VersionRow {
  id: string;
  asset_id: string;
  number: number;
  status: VersionStatus;
  failure_reason: string | null;
  stage: ProcessingStage | null;
  progress: number;
  playable: boolean;
  original_filename: string;
  size_bytes: string;
  sha256: string | null;
  uploaded_by: string | null;
  uploader_name: string | null;
  created_at: Date;
  ready_at: Date | null;
  media: VersionMedia | null;
  renditions: Rendition[];
}

export const VERSION_COLUMNS = `
  v.id, v.asset_id, v.number, v.status, v.failure_reason, v.stage, v.progress, v.playable,
  v.original_filename, v.size_bytes, v.sha256, v.uploaded_by, u.display_name AS uploader_name,
  v.created_at, v.ready_at, v.media, v.renditions`;

export const VERSION_FROM = `versions v LEFT JOIN users u ON u.id = v.uploaded_by`;

export function toVersion(row: VersionRow): Version {
  const base = `/api/versions/${row.id}`;
  const hasPicture = row.media?.kind === 'video' || row.media?.kind === 'still';
  const published = row.status === 'ready';
  return {
    id: row.id,
    assetId: row.asset_id,
    number: row.number,
    status: row.status,
    failureReason: row.failure_reason,
    stage: row.stage,
    progress: Math.round(row.progress * 10) / 10,
    playable: row.playable,
    originalFilename: row.original_filename,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by ? { id: row.uploaded_by, displayName: row.uploader_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    readyAt: row.ready_at?.toISOString() ?? null,
    media: row.media,
    renditions: row.renditions,
    urls: {
      master: (published || row.playable) && row.media?.kind !== 'still' ? `${base}/media/master.m3u8` : null,
      poster: published && hasPicture ? `${base}/media/poster.jpg` : null,
      storyboard: published && row.media?.kind === 'video' ? `${base}/media/storyboard/thumbnails.vtt` : null,
      waveform:
        published && row.media?.kind !== 'still' && row.media?.hasAudio !== false
          ? `${base}/media/waveform.json`
          : null,
      original: `${base}/original`,
    },
  };
}
