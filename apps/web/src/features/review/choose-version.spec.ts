import type { Version } from '@cutroom/contracts';
import { canPlay, defaultVersion, requestedFrame, requestedVersionNumber } from './choose-version';

function version(number: number, status: Version['status'], playable = false): Version {
  const id = `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`;
  return {
    id,
    assetId: '00000000-0000-4000-8000-000000000000',
    number,
    status,
    failureReason: null,
    stage: null,
    progress: 0,
    playable,
    originalFilename: `cut-v${number}.mov`,
    sizeBytes: 1,
    sha256: null,
    uploadedBy: null,
    createdAt: '2025-06-01T12:00:00.000Z',
    readyAt: null,
    media: null,
    renditions: [],
    urls: {
      master: status === 'ready' || playable ? `/api/versions/${id}/media/master.m3u8` : null,
      poster: null,
      storyboard: null,
      waveform: null,
      original: `/api/versions/${id}/original`,
    },
  };
}

describe('which version opens', () => {
  it('opens the newest ready version, not a newer one still processing', () => {
    expect(defaultVersion([version(3, 'processing'), version(2, 'ready'), version(1, 'ready')])?.number).toBe(
      2,
    );
  });

  it('opens the newest version when none is ready yet', () => {
    expect(defaultVersion([version(1, 'failed'), version(2, 'uploading')])?.number).toBe(2);
    expect(defaultVersion([])).toBeUndefined();
  });

  it('reads ?version=N and ignores anything else', () => {
    expect(requestedVersionNumber('3')).toBe(3);
    expect(requestedVersionNumber('0')).toBeNull();
    expect(requestedVersionNumber('v3')).toBeNull();
    expect(requestedVersionNumber(null)).toBeNull();
  });

  it('reads ?frame=F from a link to a frame, frame 0 included, and ignores anything else', () => {
    expect(requestedFrame('120')).toBe(120);
    expect(requestedFrame('0')).toBe(0);
    expect(requestedFrame('-1')).toBeNull();
    expect(requestedFrame('1.5')).toBeNull();
    expect(requestedFrame(null)).toBeNull();
  });

  it('plays a version once it is ready, or early when its lowest rendition is', () => {
    expect(canPlay(version(1, 'ready'))).toBe(true);
    expect(canPlay(version(1, 'processing', true))).toBe(true);
    expect(canPlay(version(1, 'processing'))).toBe(false);
  });
});
