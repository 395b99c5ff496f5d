import {
  liveDriveSchema,
  liveLaserSchema,
  liveSessionStateSchema,
  liveSetRoleSchema,
  liveStartSchema,
  liveTransportSchema,
} from './index';

const ASSET = '00000000-0000-4000-8000-000000000001';
const VERSION = '00000000-0000-4000-8000-000000000002';
const USER = '00000000-0000-4000-8000-000000000004';
const transport = { versionId: VERSION, frame: 12, playing: false, rate: 1, loopIn: null, loopOut: null };

describe('live session messages', () => {
  it('a transport names its frame as a whole frame index', () => {
    expect(liveTransportSchema.safeParse(transport).success).toBe(true);
    expect(liveTransportSchema.safeParse({ ...transport, frame: 12.5 }).success).toBe(false);
    expect(liveTransportSchema.safeParse({ ...transport, frame: -1 }).success).toBe(false);
  });

  it('a speed is forward and between a quarter and four times', () => {
    expect(liveTransportSchema.safeParse({ ...transport, rate: 0.25 }).success).toBe(true);
    expect(liveTransportSchema.safeParse({ ...transport, rate: 4 }).success).toBe(true);
    expect(liveTransportSchema.safeParse({ ...transport, rate: 0 }).success).toBe(false);
    expect(liveTransportSchema.safeParse({ ...transport, rate: 8 }).success).toBe(false);
  });

  it('a loop ends at or after it starts', () => {
    expect(liveTransportSchema.safeParse({ ...transport, loopIn: 5, loopOut: 5 }).success).toBe(true);
    expect(liveTransportSchema.safeParse({ ...transport, loopIn: 6, loopOut: 5 }).success).toBe(false);
  });

  it('a transport without a compare view reads as on the review page; in compare it names B, its layout, alignment and wipe split', () => {
    expect(liveTransportSchema.parse(transport).compare).toBeNull();
    const compare = {
      versionId: USER,
      layout: 'wipe',
      alignment: { kind: 'offset', offset: -3 },
      swapped: true,
    };
    // The wipe divides the picture in the middle unless the host moved it.
    expect(liveTransportSchema.parse({ ...transport, compare }).compare).toEqual({ ...compare, split: 0.5 });
    for (const split of [0, 0.25, 1])
      expect(liveTransportSchema.parse({ ...transport, compare: { ...compare, split } }).compare?.split).toBe(
        split,
      );
    expect(
      liveTransportSchema.safeParse({ ...transport, compare: { ...compare, layout: 'mosaic' } }).success,
    ).toBe(false);
    const badAlignments = [
      { kind: 'offset', offset: 1.5 },
      { kind: 'offset' },
      { kind: 'map', offset: 2 },
      { kind: 'frames' },
      'map',
    ];
    for (const alignment of badAlignments)
      expect(
        liveTransportSchema.safeParse({ ...transport, compare: { ...compare, alignment } }).success,
      ).toBe(false);
    expect(
      liveTransportSchema.safeParse({ ...transport, compare: { ...compare, versionId: 'v2' } }).success,
    ).toBe(false);
    for (const split of [-0.1, 1.5, Number.NaN, '0.5', null])
      expect(liveTransportSchema.safeParse({ ...transport, compare: { ...compare, split } }).success).toBe(
        false,
      );
    expect(liveTransportSchema.safeParse({ ...transport, compare: { ...compare, zoom: 2 } }).success).toBe(
      false,
    );
  });

  it('messages carry nothing they do not name', () => {
    expect(liveStartSchema.safeParse({ assetId: ASSET, transport }).success).toBe(true);
    expect(liveDriveSchema.safeParse({ assetId: ASSET, transport, host: USER }).success).toBe(false);
    expect(liveDriveSchema.safeParse({ assetId: ASSET, transport: { ...transport, extra: 1 } }).success).toBe(
      false,
    );
  });

  it('a state reads with its host, revision and server clock', () => {
    const state = {
      sessionId: USER,
      assetId: ASSET,
      host: { userId: USER, displayName: 'Olive' },
      participants: [{ userId: USER, displayName: 'Olive', role: 'host', guest: false }],
      transport: { ...transport, compare: null },
      revision: 1,
      changedAt: '2026-12-05T10:00:00.000Z',
      serverTime: '2026-12-05T10:00:01.000Z',
    };
    expect(liveSessionStateSchema.parse(state)).toEqual(state);
    expect(liveSessionStateSchema.safeParse({ ...state, revision: 0 }).success).toBe(false);
  });

  it('the host hands out the annotator and viewer roles; the host role passes only with Make host', () => {
    expect(liveSetRoleSchema.safeParse({ assetId: ASSET, userId: USER, role: 'annotator' }).success).toBe(
      true,
    );
    expect(liveSetRoleSchema.safeParse({ assetId: ASSET, userId: USER, role: 'viewer' }).success).toBe(true);
    expect(liveSetRoleSchema.safeParse({ assetId: ASSET, userId: USER, role: 'host' }).success).toBe(false);
  });

  it('a laser pointer is a point on the picture, normalised to 0..1, or let go', () => {
    const at = (point: unknown) => liveLaserSchema.safeParse({ assetId: ASSET, versionId: VERSION, point });
    expect(at([0.5, 0.25]).success).toBe(true);
    expect(at([0, 1]).success).toBe(true);
    expect(at(null).success).toBe(true);
    expect(at([1.5, 0.2]).success).toBe(false);
    expect(at([0.5]).success).toBe(false);
    expect(at([Number.NaN, 0]).success).toBe(false);
    expect(at(undefined).success).toBe(false);
  });
});
