import { formatFrameRate, writeMasterPlaylist } from './master-playlist';

const variant = {
  uri: '1080p/index.m3u8',
  bandwidth: 5_200_000,
  averageBandwidth: 3_100_000.4,
  width: 1920,
  height: 1080,
  fpsNum: 24000,
  fpsDen: 1001,
  videoCodec: 'avc1.640028',
};
const audio = {
  uri: 'audio/index.m3u8',
  codec: 'mp4a.40.2',
  channels: 2,
  bandwidth: 140_000,
  averageBandwidth: 130_000,
};

describe('writeMasterPlaylist', () => {
  it('lists every rendition with bandwidth, resolution, frame rate, codecs and the audio group', () => {
    const text = writeMasterPlaylist({
      variants: [
        variant,
        {
          ...variant,
          uri: '360p/index.m3u8',
          width: 640,
          height: 360,
          bandwidth: 900_000,
          averageBandwidth: 600_000,
          videoCodec: 'avc1.64001e',
        },
      ],
      audio,
    });
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:7',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Original",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/index.m3u8"',
        '#EXT-X-STREAM-INF:BANDWIDTH=5200000,AVERAGE-BANDWIDTH=3100001,RESOLUTION=1920x1080,FRAME-RATE=23.976,CODECS="avc1.640028,mp4a.40.2",AUDIO="audio"',
        '1080p/index.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=600000,RESOLUTION=640x360,FRAME-RATE=23.976,CODECS="avc1.64001e,mp4a.40.2",AUDIO="audio"',
        '360p/index.m3u8',
        '',
      ].join('\n'),
    );
  });

  it('writes picture-only variants without an audio group', () => {
    const text = writeMasterPlaylist({ variants: [variant] });
    expect(text).not.toContain('EXT-X-MEDIA');
    expect(text).toContain('CODECS="avc1.640028"\n');
    expect(text).not.toContain('AUDIO=');
  });

  it('gives an audio-only version a single audio variant', () => {
    const text = writeMasterPlaylist({ variants: [], audio });
    expect(text).toBe(
      '#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n' +
        '#EXT-X-STREAM-INF:BANDWIDTH=140000,AVERAGE-BANDWIDTH=130000,CODECS="mp4a.40.2"\naudio/index.m3u8\n',
    );
  });

  it('adds the audio language when known', () => {
    expect(writeMasterPlaylist({ variants: [variant], audio: { ...audio, language: 'fra' } })).toContain(
      'LANGUAGE="fra",',
    );
  });

  it('formats frame rates with three decimals', () => {
    expect(formatFrameRate(24000, 1001)).toBe('23.976');
    expect(formatFrameRate(30000, 1001)).toBe('29.970');
    expect(formatFrameRate(60000, 1001)).toBe('59.940');
    expect(formatFrameRate(25, 1)).toBe('25.000');
  });

  it('refuses values that would corrupt the playlist', () => {
    expect(() => writeMasterPlaylist({ variants: [] })).toThrow('at least one');
    expect(() => writeMasterPlaylist({ variants: [{ ...variant, uri: 'a b.m3u8' }] })).toThrow('URI');
    expect(() => writeMasterPlaylist({ variants: [{ ...variant, videoCodec: 'avc1"\n#EVIL' }] })).toThrow(
      'codecs',
    );
    expect(() => writeMasterPlaylist({ variants: [{ ...variant, bandwidth: 0 }] })).toThrow('bandwidth');
  });
});
