import { attachmentHeader, servableFile } from './media-files.js';

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
