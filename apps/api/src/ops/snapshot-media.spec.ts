import {
  isPublishedRendition,
  originalProblems,
  originalsClaimed,
  uploadsInProgress,
} from './snapshot-media.js';

const V1 = '11111111-1111-4111-8111-111111111111';
const V2 = '22222222-2222-4222-8222-222222222222';
const V3 = '33333333-3333-4333-8333-333333333333';
const HASH = 'a'.repeat(64);

describe('originalsClaimed', () => {
  it('takes every version whose upload finished (hashed), not one still uploading', () => {
    const versions = {
      columns: ['id', 'asset_id', 'status', 'size_bytes', 'sha256'],
      rows: [
        [V1, 'a', 'ready', '5000', HASH],
        [V2, 'a', 'uploading', '900', null],
        [V3, 'a', 'failed', '12', 'c'.repeat(64)],
      ],
    };
    expect(originalsClaimed(versions)).toEqual([
      { versionId: V1, sha256: HASH, bytes: 5000 },
      { versionId: V3, sha256: 'c'.repeat(64), bytes: 12 },
    ]);
  });

  it('says so when the versions table lacks a column it needs', () => {
    expect(() => originalsClaimed({ columns: ['id', 'status', 'size_bytes'], rows: [] })).toThrow(
      'the versions table has no sha256 column',
    );
  });
});

describe('uploadsInProgress', () => {
  it('names the tus uploads of versions still uploading, and only those', () => {
    const versions = {
      columns: ['id', 'status', 'upload_id'],
      rows: [
        [V1, 'uploading', 'b1946ac92492d2347c6235b4d2611184'],
        [V2, 'ready', '0cc175b9c0f1b6a831c399e269772661'],
        [V3, 'uploading', null],
      ],
    };
    expect(uploadsInProgress(versions)).toEqual(['b1946ac92492d2347c6235b4d2611184']);
  });
});

describe('isPublishedRendition', () => {
  it('copies published renditions, posters, storyboards and waveforms', () => {
    for (const file of [
      'hls/master.m3u8',
      'hls/360p/index.m3u8',
      'hls/360p/seg-0001.m4s',
      'poster.jpg',
      'storyboard/sprite-0.jpg',
      'waveform.json',
    ])
      expect([file, isPublishedRendition(file)]).toEqual([file, true]);
  });

  it('leaves out the original, attempts in progress, replaced copies and half-written files', () => {
    for (const file of [
      'original',
      'hls.partial',
      'hls.partial.lx3k9a/360p/index.m3u8',
      'hls.old/master.m3u8',
      'hls/signatures.bin.4242.partial',
    ])
      expect([file, isPublishedRendition(file)]).toEqual([file, false]);
  });
});

describe('originalProblems', () => {
  const claimed = [
    { versionId: V1, sha256: HASH, bytes: 5000 },
    { versionId: V2, sha256: 'b'.repeat(64), bytes: 12 },
  ];
  const original = (versionId: string, sha256: string) => ({
    path: `media/versions/${versionId}/original`,
    bytes: 5000,
    sha256,
  });

  it('is empty when every original is the file its version recorded at upload', () => {
    expect(originalProblems([original(V1, HASH), original(V2, 'b'.repeat(64))], claimed, [])).toEqual([]);
    // Erased while the backup ran: its row is there, its original is not.
    expect(originalProblems([original(V1, HASH)], claimed, [V2])).toEqual([]);
  });

  it('names an original that is not the one its version recorded, even when the manifest agrees with it', () => {
    expect(
      originalProblems([original(V1, 'c'.repeat(64)), original(V2, 'b'.repeat(64))], claimed, []),
    ).toEqual([`media/versions/${V1}/original: does not match the sha256 its version recorded at upload`]);
  });

  it('names a claimed original the backup lacks, and an original no version has', () => {
    expect(originalProblems([original(V1, HASH), original(V3, HASH)], claimed, [])).toEqual([
      `media/versions/${V2}/original: its version's original is not in the backup`,
      `media/versions/${V3}/original: no version in the backup has this original`,
    ]);
  });
});
