import { readEvent } from './received-event';

const envelope = {
  assetId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  seq: 4,
  actorId: null,
  createdAt: '2025-06-01 12:00:00+00',
};

describe('reading an event as it arrives', () => {
  it("types its payload by its type, keeping only the envelope's and the schema's fields", () => {
    const event = readEvent({ ...envelope, type: 'asset.renamed', payload: { name: 'Final' }, extra: 1 });
    expect(event).toEqual({ ...envelope, type: 'asset.renamed', payload: { name: 'Final' } });
    if (event.type !== 'asset.renamed' || event.payload === null) throw new Error('not read');
    expect(event.payload.name).toBe('Final');
  });

  it("keeps an event whose payload is not its type's in the order, with no payload to apply", () => {
    expect(readEvent({ ...envelope, type: 'asset.renamed', payload: { title: 42 } })).toEqual({
      ...envelope,
      type: 'asset.renamed',
      payload: null,
    });
    expect(readEvent({ ...envelope, type: 'version.deleted' }).payload).toBeNull();
  });
});
