import type { ProcessingStage, Version } from '@cutroom/contracts';

const stageLabels: Record<ProcessingStage, string> = {
  probe: 'Reading the file',
  transcode: 'Transcoding',
  thumbnails: 'Making thumbnails',
  waveform: 'Drawing the waveform',
  publish: 'Publishing',
};

export interface VersionStatusView {
  /** One or two words: "Uploading", "Queued", "Processing", "Ready", "Failed". */
  label: string;
  /** Shown under the label: the stage, the failure reason, or nothing. */
  detail: string | null;
  /** 0–100 while processing; null when there is no bar to show. */
  progress: number | null;
  /** Playable while still processing (the lowest rendition is published early). */
  playableEarly: boolean;
}

export function describeVersionStatus(
  version: Pick<Version, 'status' | 'stage' | 'progress' | 'playable' | 'failureReason'>,
): VersionStatusView {
  switch (version.status) {
    case 'uploading':
      return { label: 'Uploading', detail: null, progress: null, playableEarly: false };
    case 'queued':
      return { label: 'Queued', detail: 'Waiting for a worker', progress: null, playableEarly: false };
    case 'processing':
      return {
        label: 'Processing',
        detail: version.stage ? stageLabels[version.stage] : null,
        progress: Math.max(0, Math.min(100, version.progress)),
        playableEarly: version.playable,
      };
    case 'ready':
      return { label: 'Ready', detail: null, progress: null, playableEarly: false };
    case 'failed':
      return {
        label: 'Failed',
        detail: version.failureReason ?? 'Processing failed. Upload the file again, or a different export.',
        progress: null,
        playableEarly: false,
      };
  }
}

/** "v3": how people name versions. */
export function versionLabel(version: Pick<Version, 'number'>): string {
  return `v${version.number}`;
}
