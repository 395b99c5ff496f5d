import { describeVersionStatus } from './version-status';

const base = { stage: null, progress: 0, playable: false, failureReason: null };

describe('how a version says where it is', () => {
  it('shows the stage and a bar while processing, and that it can already be played', () => {
    expect(
      describeVersionStatus({
        ...base,
        status: 'processing',
        stage: 'transcode',
        progress: 42.5,
        playable: true,
      }),
    ).toEqual({ label: 'Processing', detail: 'Transcoding', progress: 42.5, playableEarly: true });
  });

  it('shows the failure reason exactly as the server wrote it', () => {
    const reason = 'The file ends after 3.2 s of 40 s: the upload may be incomplete';
    expect(describeVersionStatus({ ...base, status: 'failed', failureReason: reason }).detail).toBe(reason);
  });

  it('still says something when a failure has no reason', () => {
    expect(describeVersionStatus({ ...base, status: 'failed' }).detail).toMatch(/failed/i);
  });

  it.each([
    ['uploading', 'Uploading'],
    ['queued', 'Queued'],
    ['ready', 'Ready'],
  ] as const)('a %s version reads "%s" with no bar', (status, label) => {
    expect(describeVersionStatus({ ...base, status })).toMatchObject({ label, progress: null });
  });
});
