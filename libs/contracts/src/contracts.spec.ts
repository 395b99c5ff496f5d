import { randomUUID } from 'node:crypto';
import { addMemberBodySchema, registerBodySchema } from './index';
import { uploadMetadataSchema } from './assets';
import { MAX_POINTS_PER_STROKE, MAX_SHAPES, type Shape } from './annotations';
import { drawingStrokeSchema, joinAssetSchema } from './realtime';

describe('shared contracts', () => {
  it('normalise emails so one person has one account', () => {
    const parsed = registerBodySchema.parse({
      email: '  Ana@Studio.COM ',
      password: 'long enough',
      displayName: ' Ana ',
    });
    expect(parsed).toEqual({ email: 'ana@studio.com', password: 'long enough', displayName: 'Ana' });
  });

  it('refuse unknown roles and unknown fields', () => {
    expect(addMemberBodySchema.safeParse({ email: 'a@b.co', role: 'admin' }).success).toBe(false);
    expect(addMemberBodySchema.safeParse({ email: 'a@b.co', role: 'viewer', isAdmin: true }).success).toBe(
      false,
    );
    expect(addMemberBodySchema.safeParse({ email: 'a@b.co', role: 'viewer' }).success).toBe(true);
  });

  it('an upload names either the asset it versions or the project of a new asset, never both', () => {
    const assetId = randomUUID();
    const projectId = randomUUID();
    expect(uploadMetadataSchema.safeParse({ filename: 'cut.mov', assetId }).success).toBe(true);
    expect(uploadMetadataSchema.safeParse({ filename: 'cut.mov', projectId, assetName: 'Cut' }).success).toBe(
      true,
    );
    expect(uploadMetadataSchema.safeParse({ filename: 'cut.mov', assetId, projectId }).success).toBe(false);
    expect(uploadMetadataSchema.safeParse({ filename: 'cut.mov' }).success).toBe(false);
    expect(uploadMetadataSchema.safeParse({ filename: '', assetId }).success).toBe(false);
  });

  it('resync positions are whole, non-negative event numbers', () => {
    const assetId = randomUUID();
    expect(joinAssetSchema.safeParse({ assetId, afterSeq: 3 }).success).toBe(true);
    expect(joinAssetSchema.safeParse({ assetId, afterSeq: -1 }).success).toBe(false);
    expect(joinAssetSchema.safeParse({ assetId, afterSeq: 1.5 }).success).toBe(false);
  });

  it('a live drawing is a stroke in progress or the finished shapes, as bounded as a saved drawing', () => {
    const place = { assetId: randomUUID(), versionId: randomUUID(), frame: 12 };
    const line = (id: string): Shape => ({
      id,
      kind: 'line',
      colour: '#ff3b30',
      strokeWidth: 0.004,
      from: [0, 0],
      to: [1, 1],
    });
    const scribble = (id: string): Shape => ({
      id,
      kind: 'freehand',
      colour: '#ff3b30',
      strokeWidth: 0.004,
      points: Array.from({ length: MAX_POINTS_PER_STROKE * 2 }, () => 0.5),
    });
    const accepts = (message: unknown) => drawingStrokeSchema.safeParse(message).success;
    expect(accepts({ ...place, shape: line('a') })).toBe(true);
    expect(accepts({ ...place, shapes: [line('a'), line('b')] })).toBe(true);
    // Cleared: nothing left to show.
    expect(accepts({ ...place, shapes: [] })).toBe(true);
    expect(accepts({ ...place, shape: line('a'), shapes: [line('a')] })).toBe(false);
    expect(accepts({ ...place })).toBe(false);
    expect(
      accepts({ ...place, shapes: Array.from({ length: MAX_SHAPES + 1 }, (_, i) => line(`s${i}`)) }),
    ).toBe(false);
    expect(accepts({ ...place, shapes: ['a', 'b', 'c', 'd', 'e'].map(scribble) })).toBe(false);
  });
});
