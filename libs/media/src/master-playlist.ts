export interface MasterVariant {
  /** Media playlist, relative to the master, e.g. "1080p/index.m3u8". */
  uri: string;
  /** Peak segment bit rate in bit/s, audio included. */
  bandwidth: number;
  averageBandwidth: number;
  width: number;
  height: number;
  fpsNum: number;
  fpsDen: number;
  /** RFC 6381 string read from the init segment, e.g. "avc1.64001f". */
  videoCodec: string;
}

export interface MasterAudio {
  uri: string;
  /** e.g. "mp4a.40.2". */
  codec: string;
  channels: number;
  bandwidth: number;
  averageBandwidth: number;
  name?: string;
  language?: string | null;
}

export interface MasterPlaylistInput {
  variants: readonly MasterVariant[];
  audio?: MasterAudio | null;
}

const AUDIO_GROUP = 'audio';

/** Values that end up between quotes must not be able to break out of them. */
function quoted(value: string, what: string): string {
  if (!value || /["\r\n]/.test(value))
    throw new Error(`Invalid ${what} for a playlist: ${JSON.stringify(value)}`);
  return `"${value}"`;
}

function uriLine(uri: string): string {
  if (!uri || /[\s"]/.test(uri) || uri.startsWith('#'))
    throw new Error(`Invalid playlist URI: ${JSON.stringify(uri)}`);
  return uri;
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`Invalid ${what}: ${value}`);
  return Math.ceil(value);
}

/** "23.976", "25.000", "59.940": three decimals, as HLS wants. */
export function formatFrameRate(fpsNum: number, fpsDen: number): string {
  return (fpsNum / fpsDen).toFixed(3);
}

/**
 * The master playlist: one EXT-X-STREAM-INF per video rendition and the audio as
 * its own rendition group. An audio-only version gets one audio variant.
 */
export function writeMasterPlaylist(input: MasterPlaylistInput): string {
  const audio = input.audio ?? null;
  if (input.variants.length === 0 && !audio)
    throw new Error('A master playlist needs at least one rendition');
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];

  if (input.variants.length === 0 && audio) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${positiveInteger(audio.bandwidth, 'bandwidth')},` +
        `AVERAGE-BANDWIDTH=${positiveInteger(audio.averageBandwidth, 'average bandwidth')},` +
        `CODECS=${quoted(audio.codec, 'codec')}`,
      uriLine(audio.uri),
    );
    return `${lines.join('\n')}\n`;
  }

  if (audio) {
    const attributes = [
      'TYPE=AUDIO',
      `GROUP-ID=${quoted(AUDIO_GROUP, 'group')}`,
      `NAME=${quoted(audio.name ?? 'Original', 'name')}`,
      ...(audio.language ? [`LANGUAGE=${quoted(audio.language, 'language')}`] : []),
      'DEFAULT=YES',
      'AUTOSELECT=YES',
      `CHANNELS=${quoted(String(positiveInteger(audio.channels, 'channel count')), 'channels')}`,
      `URI=${quoted(uriLine(audio.uri), 'URI')}`,
    ];
    lines.push(`#EXT-X-MEDIA:${attributes.join(',')}`);
  }
  for (const variant of input.variants) {
    const codecs = audio ? `${variant.videoCodec},${audio.codec}` : variant.videoCodec;
    const attributes = [
      `BANDWIDTH=${positiveInteger(variant.bandwidth, 'bandwidth')}`,
      `AVERAGE-BANDWIDTH=${positiveInteger(variant.averageBandwidth, 'average bandwidth')}`,
      `RESOLUTION=${positiveInteger(variant.width, 'width')}x${positiveInteger(variant.height, 'height')}`,
      `FRAME-RATE=${formatFrameRate(variant.fpsNum, variant.fpsDen)}`,
      `CODECS=${quoted(codecs, 'codecs')}`,
      ...(audio ? [`AUDIO=${quoted(AUDIO_GROUP, 'group')}`] : []),
    ];
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, uriLine(variant.uri));
  }
  return `${lines.join('\n')}\n`;
}
