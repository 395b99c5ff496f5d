import { parseMediaPlaylist, writeMediaPlaylist } from './media-playlist';

const FFMPEG_EVENT = `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-TARGETDURATION:2
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:EVENT
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-MAP:URI="init.mp4"
#EXTINF:2.002000,
seg_00000.m4s
#EXTINF:2.002000,
seg_00001.m4s
`;

describe('media playlists', () => {
  it("reads ffmpeg's growing playlist", () => {
    expect(parseMediaPlaylist(FFMPEG_EVENT)).toEqual({
      mapUri: 'init.mp4',
      segments: [
        { durationSeconds: 2.002, uri: 'seg_00000.m4s' },
        { durationSeconds: 2.002, uri: 'seg_00001.m4s' },
      ],
      ended: false,
    });
  });

  it('keeps only complete entries of a playlist caught half-written (ffmpeg 4.1 rewrites in place)', () => {
    const cut = FFMPEG_EVENT.slice(0, FFMPEG_EVENT.length - 'g_00001.m4s\n'.length);
    expect(parseMediaPlaylist(cut).segments.map((segment) => segment.uri)).toEqual(['seg_00000.m4s']);
    const cutAfterExtinf = FFMPEG_EVENT.slice(0, FFMPEG_EVENT.indexOf('seg_00001.m4s'));
    expect(parseMediaPlaylist(cutAfterExtinf).segments).toHaveLength(1);
    expect(parseMediaPlaylist('').segments).toEqual([]);
  });

  it('ignores URIs that could point elsewhere', () => {
    const hostile = '#EXTM3U\n#EXT-X-MAP:URI="../x"\n#EXTINF:2,\nhttp://evil/x.m4s\n#EXTINF:2,\n../seg.m4s\n';
    expect(parseMediaPlaylist(hostile)).toEqual({ mapUri: null, segments: [], ended: false });
  });

  it('publishes a growing playlist as EVENT, without an end', () => {
    const text = writeMediaPlaylist(parseMediaPlaylist(FFMPEG_EVENT), {
      type: 'EVENT',
      targetDurationSeconds: 2.002,
    });
    expect(text).toBe(FFMPEG_EVENT);
  });

  it('publishes a finished playlist as VOD with EXT-X-ENDLIST', () => {
    const finished = parseMediaPlaylist(`${FFMPEG_EVENT}#EXTINF:0.500500,\nseg_00002.m4s\n#EXT-X-ENDLIST\n`);
    expect(finished.ended).toBe(true);
    const text = writeMediaPlaylist(finished, { type: 'VOD', targetDurationSeconds: 2.002 });
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD\n');
    expect(text).not.toContain('EVENT');
    expect(text.endsWith('#EXTINF:0.500500,\nseg_00002.m4s\n#EXT-X-ENDLIST\n')).toBe(true);
  });

  it('refuses to call a playlist VOD while ffmpeg is still adding segments', () => {
    expect(() =>
      writeMediaPlaylist(parseMediaPlaylist(FFMPEG_EVENT), { type: 'VOD', targetDurationSeconds: 2 }),
    ).toThrow('Only a finished playlist');
  });

  it('keeps the target duration fixed while growing, and at least the longest segment', () => {
    const empty = { mapUri: 'init.mp4', segments: [], ended: false };
    expect(writeMediaPlaylist(empty, { type: 'EVENT', targetDurationSeconds: 2.002 })).toContain(
      '#EXT-X-TARGETDURATION:2\n',
    );
    const long = { ...empty, segments: [{ durationSeconds: 4.2, uri: 'a.m4s' }] };
    expect(writeMediaPlaylist(long, { type: 'EVENT', targetDurationSeconds: 2 })).toContain(
      '#EXT-X-TARGETDURATION:4\n',
    );
  });
});
