import {
  assetNameFromFileName,
  belongsToProject,
  describeUploadFailure,
  fingerprintOf,
  formatBytes,
  pickUploadToResume,
  uploadMetadataFor,
  type StoredUpload,
} from './upload-rules';

const projectId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const assetId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const file = {
  name: 'Trailer v3.final.mov',
  type: 'video/quicktime',
  size: 1234,
  lastModified: 1700000000000,
};

function stored(
  metadata: Record<string, string>,
  creationTime: string,
  uploadUrl = '/api/uploads/x',
): StoredUpload {
  return { size: 1234, metadata, creationTime, urlStorageKey: `tus::k::${creationTime}`, uploadUrl };
}

describe('what an upload says about itself', () => {
  it('names a new asset after the file, without its extension', () => {
    expect(assetNameFromFileName('Trailer v3.final.mov')).toBe('Trailer v3.final');
    expect(assetNameFromFileName('.hidden')).toBe('.hidden');
    expect(assetNameFromFileName('noext')).toBe('noext');
  });

  it('creates a new asset in the project, or the next version of an asset', () => {
    expect(uploadMetadataFor(file, { kind: 'new-asset', projectId })).toEqual({
      filename: 'Trailer v3.final.mov',
      filetype: 'video/quicktime',
      projectId,
      assetName: 'Trailer v3.final',
    });
    expect(
      uploadMetadataFor(
        { ...file, type: '' },
        { kind: 'new-version', projectId, assetId, assetName: 'Trailer' },
      ),
    ).toEqual({ filename: 'Trailer v3.final.mov', assetId });
  });

  it('recognises the same file after a reload, and a changed file as another', () => {
    expect(fingerprintOf({ ...file })).toBe(fingerprintOf(file));
    expect(fingerprintOf({ ...file, lastModified: file.lastModified + 1 })).not.toBe(fingerprintOf(file));
  });
});

describe('resuming an upload after a reload', () => {
  const otherAsset = '9b2c3f1e-1111-4222-8333-944455556666';
  const assetsOfProject = new Set([assetId]);

  it('continues the upload going to the same place, the newest first', () => {
    const previous = [
      stored({ projectId }, '2025-06-01T10:00:00Z', '/api/uploads/old'),
      stored({ projectId }, '2025-06-01T11:00:00Z', '/api/uploads/new'),
      stored({ assetId }, '2025-06-01T12:00:00Z', '/api/uploads/version'),
    ];
    expect(pickUploadToResume(previous, { kind: 'new-asset', projectId }, assetsOfProject)?.uploadUrl).toBe(
      '/api/uploads/new',
    );
    expect(
      pickUploadToResume(
        previous,
        { kind: 'new-version', projectId, assetId, assetName: 'x' },
        assetsOfProject,
      )?.uploadUrl,
    ).toBe('/api/uploads/version');
  });

  it('continues a new version when the file is chosen again for the project', () => {
    const previous = [stored({ assetId }, '2025-06-01T12:00:00Z')];
    expect(pickUploadToResume(previous, { kind: 'new-asset', projectId }, assetsOfProject)).toBe(previous[0]);
  });

  it('never sends a file meant for one asset to another', () => {
    const previous = [stored({ assetId }, '2025-06-01T12:00:00Z')];
    const target = { kind: 'new-version' as const, projectId, assetId: otherAsset, assetName: 'y' };
    expect(pickUploadToResume(previous, target, assetsOfProject)).toBeUndefined();
  });

  it('ignores uploads of other projects and ones that never started', () => {
    const previous = [
      stored({ projectId: otherAsset }, '2025-06-01T12:00:00Z'),
      { ...stored({ projectId }, '2025-06-01T12:00:00Z'), uploadUrl: null },
    ];
    expect(pickUploadToResume(previous, { kind: 'new-asset', projectId }, assetsOfProject)).toBeUndefined();
    expect(belongsToProject(previous[0], projectId, assetsOfProject)).toBe(false);
  });
});

describe('a failed upload', () => {
  const response = (status: number, body: string) => ({
    originalResponse: { getStatus: () => status, getBody: () => body, getHeader: () => undefined },
  });

  it('shows the sentence the server refused it with', () => {
    const error = describeUploadFailure(
      response(
        403,
        JSON.stringify({
          statusCode: 403,
          error: 'Upload refused',
          message: 'Only editors and owners can upload',
        }),
      ),
    );
    expect(error.status).toBe(403);
    expect(error.message).toBe('Only editors and owners can upload');
  });

  it('says the connection dropped when there was no answer', () => {
    expect(describeUploadFailure(new Error('tus: failed to upload chunk')).message).toMatch(/connection/);
  });
});

it('formats sizes the way file browsers do', () => {
  expect(formatBytes(999)).toBe('999 B');
  expect(formatBytes(1500)).toBe('1.5 KB');
  expect(formatBytes(8_400_000)).toBe('8.4 MB');
  expect(formatBytes(123_000_000)).toBe('123 MB');
  expect(formatBytes(3_200_000_000)).toBe('3.2 GB');
});
