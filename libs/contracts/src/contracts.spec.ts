import { randomUUID } from 'node:crypto';
import { addMemberBodySchema, registerBodySchema } from './index';
import { uploadMetadataSchema } from './assets';
import { joinAssetSchema } from './realtime';

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
});
