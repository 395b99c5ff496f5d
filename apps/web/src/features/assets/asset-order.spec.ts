import type { Asset, VersionMedia } from '@cutroom/contracts';
import { describeDuration, sortAssets } from './asset-order';

function media(change: Partial<VersionMedia> = {}): VersionMedia {
  return {
    kind: 'video',
    fpsNum: 25,
    fpsDen: 1,
    frameCount: 250,
    durationSeconds: 10,
    width: 1920,
    height: 1080,
    startTimecode: null,
    dropFrame: false,
    variableFrameRate: false,
    ...change,
  };
}

function asset(
  name: string,
  change: { created: string; activity: string; media?: VersionMedia | null },
): Asset {
  const id = `00000000-0000-4000-8000-${name
    .padEnd(12, '0')
    .slice(0, 12)
    .replace(/[^0-9a-f]/g, 'a')}`;
  return {
    id,
    projectId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    name,
    versionCount: 1,
    latestVersion:
      change.media === undefined
        ? null
        : ({ id, number: 1, media: change.media } as unknown as NonNullable<Asset['latestVersion']>),
    lastSeq: 1,
    openNoteCount: 0,
    lastActivityAt: change.activity,
    createdAt: change.created,
    updatedAt: change.created,
  };
}

const trailer = asset('Trailer', {
  created: '2025-06-01T10:00:00.000Z',
  activity: '2025-06-03T10:00:00.000Z',
  media: media({ frameCount: 750 }),
});
const spot2 = asset('Spot 2', {
  created: '2025-06-02T10:00:00.000Z',
  activity: '2025-06-02T11:00:00.000Z',
  media: media({ frameCount: 250 }),
});
const spot10 = asset('Spot 10', {
  created: '2025-06-04T10:00:00.000Z',
  activity: '2025-06-04T10:00:00.000Z',
  media: null,
});
const names = (list: Asset[]) => list.map((a) => a.name);

describe('the order of the cuts', () => {
  it('sorts by name as people count (Spot 2 before Spot 10)', () => {
    expect(names(sortAssets([trailer, spot10, spot2], 'name'))).toEqual(['Spot 2', 'Spot 10', 'Trailer']);
  });

  it('puts the newest activity and the newest cut first', () => {
    expect(names(sortAssets([spot2, trailer, spot10], 'activity'))).toEqual(['Spot 10', 'Trailer', 'Spot 2']);
    expect(names(sortAssets([trailer, spot2, spot10], 'created'))).toEqual(['Spot 10', 'Spot 2', 'Trailer']);
  });

  it('puts the longest first and cuts without a duration last', () => {
    expect(names(sortAssets([spot10, spot2, trailer], 'duration'))).toEqual(['Trailer', 'Spot 2', 'Spot 10']);
  });

  it('leaves the given list as it was', () => {
    const given = [spot10, spot2, trailer];
    sortAssets(given, 'name');
    expect(names(given)).toEqual(['Spot 10', 'Spot 2', 'Trailer']);
  });
});

describe('how long a cut runs', () => {
  it('is timecode at the version’s own rate', () => {
    expect(describeDuration(media({ frameCount: 750 }))).toBe('00:00:30:00');
    expect(describeDuration(media({ fpsNum: 24000, fpsDen: 1001, frameCount: 1441 }))).toBe('00:01:00:01');
  });

  it('counts drop-frame at 29.97 as an editor reads it', () => {
    // 1800 frames at 29.97 DF: a minute of frames, labelled past the dropped numbers.
    expect(describeDuration(media({ fpsNum: 30000, fpsDen: 1001, frameCount: 1800, dropFrame: true }))).toBe(
      '00:01:00;02',
    );
  });

  it('is seconds for sound without a frame rate, and nothing for a still or before probing', () => {
    expect(
      describeDuration(
        media({ kind: 'audio', fpsNum: null, fpsDen: null, frameCount: null, durationSeconds: 95.4 }),
      ),
    ).toBe('1:35');
    expect(describeDuration(media({ kind: 'still' }))).toBeNull();
    expect(describeDuration(null)).toBeNull();
  });
});
