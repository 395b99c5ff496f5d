import { needsFrameTimes } from './probe';
import { videoProbe } from './test-support/probe-factory';

describe('which sources have their frame timestamps read', () => {
  it('a constant-rate MP4 or MOV is taken at its word: no second pass over the file', () => {
    expect(needsFrameTimes(videoProbe())).toBe(false);
  });

  it('a source whose rates disagree (variable, or misflagged) is measured', () => {
    expect(needsFrameTimes(videoProbe({ variableFrameRate: true }))).toBe(true);
  });

  it('Matroska and WebM are measured: their rates only restate the average', () => {
    expect(needsFrameTimes(videoProbe({}, { container: 'matroska,webm' }))).toBe(true);
  });

  it('sound and stills have no frames to time', () => {
    expect(needsFrameTimes({ ...videoProbe({ variableFrameRate: true }), kind: 'still' })).toBe(false);
    expect(needsFrameTimes({ ...videoProbe(), kind: 'audio', video: null })).toBe(false);
  });
});
