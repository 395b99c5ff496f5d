import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseProbe } from './parse-probe';
import { assessProbe, formatDuration, ProbeRecord, validateProbe } from './probe-problems';
import { videoProbe } from './test-support/probe-factory';

function fixture(name: string): ProbeRecord {
  return JSON.parse(readFileSync(path.join(__dirname, '__fixtures__/probe', `${name}.json`), 'utf8'));
}
function problemOf(record: ProbeRecord) {
  const assessment = assessProbe(record);
  if (assessment.ok) throw new Error('expected a problem');
  return assessment.problem;
}

describe('what a person is told when a file cannot become a version', () => {
  it('accepts good video, audio and stills', () => {
    for (const name of [
      'h264-23976-aac',
      'tmcd-2997-df',
      'vfr-24',
      'still-png',
      'audio-mp3',
      'audio-with-cover',
    ]) {
      expect(assessProbe(fixture(name))).toMatchObject({ ok: true });
    }
  });

  it('an empty upload', () => {
    const problem = problemOf({ fileSize: 0, exitCode: null, json: null, stderr: '' });
    expect(problem.code).toBe('empty');
    expect(problem.reason).toMatch(/empty \(0 bytes\).*Upload it again/);
  });

  it('a text file and random bytes are not media, and the server path is not shown', () => {
    for (const name of ['text-file', 'random-bytes']) {
      const problem = problemOf(fixture(name));
      expect(problem.code).toBe('not-media');
      expect(problem.reason).toContain('not a video, audio or image file');
      expect(problem.reason).toContain('Invalid data found when processing input');
      expect(problem.reason).not.toContain('/tmp/');
      expect(problem.detail).toContain('ffprobe exit 1');
    }
  });

  it('an MP4 cut before its index was written', () => {
    const problem = problemOf(fixture('truncated-no-moov'));
    expect(problem.code).toBe('truncated');
    expect(problem.reason).toMatch(/incomplete.*index.*the upload or the export may be incomplete/);
  });

  it('an MP4 cut inside its index says it is cut short, not that the codec is unknown', () => {
    const whole = fixture('h264-23976-aac');
    const stream = whole.json?.streams?.[0];
    const remains: ProbeRecord = {
      ...whole,
      json: { ...whole.json, streams: [{ ...stream, codec_name: undefined, width: 0, height: 0 }] },
      mp4: { fileSize: 55_000, declaredEnd: 56_000, hasIndex: false },
    };
    const problem = problemOf(remains);
    expect(problem.code).toBe('truncated');
    expect(problem.reason).toContain('stops after 55 KB of the 56 KB');
    expect(problem.reason).toContain('the upload or the export may be incomplete');
  });

  it('ffprobe finding no index in an MP4 cut short: the same', () => {
    const problem = problemOf({
      ...fixture('truncated-no-moov'),
      mp4: { fileSize: 5495, declaredEnd: 9000, hasIndex: false },
    });
    expect(problem.code).toBe('truncated');
    expect(problem.reason).toContain('the upload or the export may be incomplete');
    expect(problem.reason).not.toContain('not a video');
  });

  it('an MP4 cut after 15 of its 100 frames says how far it gets', () => {
    const problem = problemOf(fixture('truncated-faststart'));
    expect(problem.code).toBe('truncated');
    expect(problem.reason).toBe(
      'The file ends after 0.6 s of 4 s: the upload or the export may be incomplete. ' +
        'Upload the complete file again, or export it again if the export was interrupted.',
    );
  });

  it('a codec nobody can decode', () => {
    const problem = problemOf(fixture('unknown-codec'));
    expect(problem.code).toBe('unsupported-codec');
    expect(problem.reason).toMatch(/unknown codec.*cannot decode.*H\.264/);
  });

  it('a picture wider than 8192 pixels', () => {
    const problem = problemOf(fixture('too-wide'));
    expect(problem.code).toBe('too-large');
    expect(problem.reason).toContain('9000×64 pixels');
  });

  it('a picture under 2 pixels on a side cannot be played, and says so (it is never enlarged)', () => {
    const dot = validateProbe(videoProbe({ width: 1, height: 1 }));
    expect(dot?.code).toBe('too-small');
    expect(dot?.reason).toBe(
      'The picture is 1×1 pixels: too small to play in a browser, which needs at least 2×2. ' +
        'Export it at a larger size and upload it again.',
    );
    expect(validateProbe(videoProbe({ width: 1, height: 720 }))?.code).toBe('too-small');
    expect(validateProbe(videoProbe({ width: 2, height: 2 }))).toBeNull();
    expect(validateProbe(videoProbe({ width: 3, height: 3 }))).toBeNull();
  });

  it('a file longer than 24 hours', () => {
    const problem = problemOf(fixture('too-long'));
    expect(problem.code).toBe('too-long');
    expect(problem.reason).toContain('lasts 25 h 00 min');
  });

  it('subtitles without picture or sound', () => {
    const problem = problemOf(fixture('subtitles-only'));
    expect(problem.code).toBe('no-picture-or-sound');
    expect(problem.reason).toBe(
      'The file has no picture and no sound (only subtitles). Upload a video, audio or image file.',
    );
  });

  it('limits are configurable', () => {
    const probe = parseProbe(fixture('h264-23976-aac').json!);
    expect(validateProbe(probe, { maxDimension: 320, maxDurationSeconds: 10 })?.code).toBe('too-large');
    expect(validateProbe(probe, { maxDimension: 8192, maxDurationSeconds: 1 })?.code).toBe('too-long');
  });

  it('formats durations for people', () => {
    expect(formatDuration(3.24)).toBe('3.2 s');
    expect(formatDuration(65)).toBe('1 min 05 s');
    expect(formatDuration(90000)).toBe('25 h 00 min');
  });
});
