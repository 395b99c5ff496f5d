import { attachmentHeader, rangeAnswer, servableFile } from './media-files.js';

describe('which media files can be requested', () => {
  it('serves playlists, segments and extras with their content types', () => {
    expect(servableFile('master.m3u8')).toMatchObject({
      contentType: 'application/vnd.apple.mpegurl',
      mutable: true,
      inHls: true,
    });
    expect(servableFile('v720/seg_00012.m4s')).toMatchObject({
      contentType: 'video/iso.segment',
      mutable: false,
      inHls: true,
    });
    expect(servableFile('v720/init.mp4')?.contentType).toBe('video/mp4');
    expect(servableFile('storyboard/sprite_003.jpg')).toMatchObject({
      contentType: 'image/jpeg',
      inHls: false,
    });
    expect(servableFile('waveform.json')?.contentType).toBe('application/json');
    expect(servableFile('storyboard/thumbnails.vtt')?.contentType).toBe('text/vtt; charset=utf-8');
  });

  it('refuses anything that could escape the version folder or reach the original', () => {
    for (const bad of [
      '../original',
      'original',
      'v720/../../x.m3u8',
      '/etc/passwd',
      'v720/seg_1.ts',
      'master.m3u8/..',
      '',
    ]) {
      expect(servableFile(bad)).toBeUndefined();
    }
  });

  it('names downloads safely whatever the original was called', () => {
    expect(attachmentHeader('Final "cut" é.mov')).toBe(
      `attachment; filename="Final _cut_ _.mov"; filename*=UTF-8''Final%20%22cut%22%20%C3%A9.mov`,
    );
  });
});

describe('how a Range header is answered (RFC 9110)', () => {
  const size = 1000;

  it('serves ranges that start inside the file', () => {
    expect(rangeAnswer('bytes=0-99', size)).toBe('partial');
    expect(rangeAnswer('bytes=999-', size)).toBe('partial');
    expect(rangeAnswer('bytes=500-5000', size)).toBe('partial');
    expect(rangeAnswer('bytes=-10', size)).toBe('partial');
    expect(rangeAnswer('bytes=2000-, 0-9', size)).toBe('partial');
  });

  it('answers 416 when no range starts inside the file', () => {
    expect(rangeAnswer(`bytes=${size}-`, size)).toBe('unsatisfiable');
    expect(rangeAnswer('bytes=5000-6000', size)).toBe('unsatisfiable');
    expect(rangeAnswer('bytes=1000-, 2000-', size)).toBe('unsatisfiable');
    expect(rangeAnswer('bytes=-0', size)).toBe('unsatisfiable');
    expect(rangeAnswer('bytes=0-', 0)).toBe('unsatisfiable');
  });

  it('serves the whole file for a suffix at least as long as it', () => {
    expect(rangeAnswer('bytes=-1000', size)).toBe('whole');
    expect(rangeAnswer('bytes=-99999', size)).toBe('whole');
    expect(rangeAnswer('bytes=0-9, -5000', size)).toBe('whole');
  });

  it('ignores what it cannot read, and a range whose copy may have changed (If-Range)', () => {
    expect(rangeAnswer(undefined, size)).toBe('whole');
    expect(rangeAnswer('items=0-9', size)).toBe('whole');
    expect(rangeAnswer('bytes=abc', size)).toBe('whole');
    expect(rangeAnswer('bytes=-', size)).toBe('whole');
    expect(rangeAnswer('bytes=9-0', size)).toBe('whole');
    expect(rangeAnswer(`bytes=${size}-`, size, { ifRange: true })).toBe('whole');
  });
});
