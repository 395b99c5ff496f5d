import { isCutShort, outlineMp4 } from './mp4-boxes';

function box(type: string, bodyBytes: number): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + bodyBytes, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, Buffer.alloc(bodyBytes)]);
}

function outlineOf(bytes: Buffer) {
  return outlineMp4(bytes.length, (offset, length) =>
    Promise.resolve(bytes.subarray(offset, Math.min(bytes.length, offset + length))),
  );
}

const standardMp4 = Buffer.concat([box('ftyp', 24), box('free', 0), box('mdat', 5000), box('moov', 800)]);

describe('the MP4 box outline', () => {
  it('a whole standard MP4 (index at the end) is complete', async () => {
    const outline = await outlineOf(standardMp4);
    expect(outline).toEqual({
      fileSize: standardMp4.length,
      declaredEnd: standardMp4.length,
      hasIndex: true,
    });
    expect(isCutShort(outline)).toBe(false);
  });

  it('cut inside the media data: no index, and the boxes run past the end', async () => {
    const outline = await outlineOf(standardMp4.subarray(0, 2000));
    expect(outline).toMatchObject({ fileSize: 2000, declaredEnd: 5048, hasIndex: false });
    expect(isCutShort(outline)).toBe(true);
  });

  it('cut inside the index: the index is not whole', async () => {
    const outline = await outlineOf(standardMp4.subarray(0, standardMp4.length - 10));
    expect(outline?.hasIndex).toBe(false);
    expect(isCutShort(outline)).toBe(true);
  });

  it('a 64-bit box size is read', async () => {
    const large = Buffer.alloc(16);
    large.writeUInt32BE(1, 0);
    large.write('mdat', 4, 'latin1');
    large.writeBigUInt64BE(10_000_000_000n, 8);
    const outline = await outlineOf(Buffer.concat([box('ftyp', 8), large]));
    expect(outline).toMatchObject({ declaredEnd: 10_000_000_016, hasIndex: false });
  });

  it('text, PNG and random bytes are not MP4 at all', async () => {
    expect(await outlineOf(Buffer.from('Just some notes, not a video.\n'))).toBeNull();
    expect(await outlineOf(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBeNull();
    expect(await outlineOf(Buffer.from([1, 2, 3]))).toBeNull();
  });
});
