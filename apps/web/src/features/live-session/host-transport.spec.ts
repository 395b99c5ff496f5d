import type { LiveTransport } from '@cutroom/contracts';
import { hostSample, hostTransportChanged, showsSessionState, transportOf } from './host-transport';

const FILM = { fpsNum: 24, fpsDen: 1 };
const V1 = '00000000-0000-4000-8000-000000000001';
const V2 = '00000000-0000-4000-8000-000000000002';
const paused: LiveTransport = {
  versionId: V1,
  frame: 10,
  playing: false,
  rate: 1,
  loopIn: null,
  loopOut: null,
  compare: null,
};
const playing: LiveTransport = { ...paused, playing: true };

describe('what a host tells followers', () => {
  it('the first state always', () => {
    expect(hostTransportChanged(null, paused, 0, FILM)).toBe(true);
  });

  it('a step or seek while paused', () => {
    const sent = { transport: paused, sentAtMs: 0 };
    expect(hostTransportChanged(sent, paused, 5000, FILM)).toBe(false);
    expect(hostTransportChanged(sent, { ...paused, frame: 11 }, 10, FILM)).toBe(true);
  });

  it('play, pause, speed, loop and version changes', () => {
    const sent = { transport: paused, sentAtMs: 0 };
    expect(hostTransportChanged(sent, playing, 0, FILM)).toBe(true);
    expect(hostTransportChanged(sent, { ...paused, rate: 2 }, 0, FILM)).toBe(true);
    expect(hostTransportChanged(sent, { ...paused, loopIn: 5, loopOut: 20 }, 0, FILM)).toBe(true);
    expect(hostTransportChanged(sent, { ...paused, versionId: V2 }, 0, FILM)).toBe(true);
  });

  it('entering compare, each change of its pair, layout, alignment or wipe, and leaving it', () => {
    const compare = {
      versionId: V2,
      layout: 'side',
      alignment: { kind: 'map' },
      swapped: false,
      split: 0.5,
    } as const;
    const comparing = { ...paused, compare };
    expect(hostTransportChanged({ transport: paused, sentAtMs: 0 }, comparing, 0, FILM)).toBe(true);
    const sent = { transport: comparing, sentAtMs: 0 };
    expect(hostTransportChanged(sent, { ...paused, compare: { ...compare } }, 0, FILM)).toBe(false);
    const changes = [
      { ...compare, versionId: V1 },
      { ...compare, layout: 'wipe' as const },
      { ...compare, swapped: true },
      { ...compare, alignment: { kind: 'offset' as const, offset: 0 } },
      { ...compare, split: 0.25 },
    ];
    for (const changed of changes)
      expect(hostTransportChanged(sent, { ...paused, compare: changed }, 0, FILM)).toBe(true);
    const offset = { ...paused, compare: changes[3] };
    const moved = { ...compare, alignment: { kind: 'offset' as const, offset: 4 } };
    expect(
      hostTransportChanged({ transport: offset, sentAtMs: 0 }, { ...paused, compare: moved }, 0, FILM),
    ).toBe(true);
    expect(hostTransportChanged(sent, paused, 0, FILM)).toBe(true);
  });

  it('a compare view’s transport names A’s version and frame, and B', () => {
    const compare = {
      versionId: V2,
      layout: 'wipe',
      alignment: { kind: 'map' },
      swapped: true,
      split: 0.3,
    } as const;
    const playhead = { frame: 12, playing: false, speed: 1, shuttle: 0, loop: null };
    expect(transportOf(V1, playhead, compare)).toEqual({ ...paused, frame: 12, compare });
    expect(transportOf(V1, playhead).compare).toBeNull();
  });

  it('not the frames that playing moves through, but a jump while playing', () => {
    const sent = { transport: playing, sentAtMs: 0 };
    expect(hostTransportChanged(sent, { ...playing, frame: 34 }, 1000, FILM)).toBe(false);
    expect(hostTransportChanged(sent, { ...playing, frame: 36 }, 1000, FILM)).toBe(false);
    expect(hostTransportChanged(sent, { ...playing, frame: 90 }, 1000, FILM)).toBe(true);
  });
});

describe('the transport a host player sends', () => {
  const still = { frame: 42, playing: false, speed: 1, shuttle: 0, loop: null };

  it('says where it is, how fast it plays, and the loop', () => {
    expect(transportOf(V1, { ...still, playing: true, speed: 0.5, loop: { from: 10, to: 50 } })).toEqual({
      versionId: V1,
      frame: 42,
      playing: true,
      rate: 0.5,
      loopIn: 10,
      loopOut: 50,
      compare: null,
    });
  });

  it('shuttling forward plays at the shuttle speed, never beyond four times', () => {
    expect(transportOf(V1, { ...still, playing: true, shuttle: 2 })).toMatchObject({
      playing: true,
      rate: 2,
    });
    expect(transportOf(V1, { ...still, playing: true, shuttle: 8 })).toMatchObject({
      playing: true,
      rate: 4,
    });
  });

  it('shuttling backward sends each frame paused, for followers to show frame by frame', () => {
    expect(transportOf(V1, { ...still, playing: true, shuttle: -2 })).toMatchObject({
      playing: false,
      frame: 42,
      rate: 1,
    });
  });
});

describe('a host who (re)joins drives only once the page shows the session', () => {
  const session = { transport: { ...paused, frame: 40 }, sentAtMs: 1000 };

  it('a fresh player on frame 0 is not the session paused on frame 40', () => {
    expect(showsSessionState(session, { ...paused, frame: 0 }, 2000, FILM)).toBe(false);
    expect(showsSessionState(session, { ...paused, frame: 40 }, 2000, FILM)).toBe(true);
  });

  it('nor on another version, paused where the session plays, or at another speed or loop', () => {
    const at40 = { ...paused, frame: 40 };
    expect(showsSessionState(session, { ...at40, versionId: V2 }, 2000, FILM)).toBe(false);
    expect(showsSessionState(session, { ...at40, playing: true }, 2000, FILM)).toBe(false);
    expect(showsSessionState(session, { ...at40, rate: 2 }, 2000, FILM)).toBe(false);
    expect(showsSessionState(session, { ...at40, loopIn: 10, loopOut: 50 }, 2000, FILM)).toBe(false);
  });

  it('playing, it is where the session plays by now', () => {
    const playingSession = { transport: { ...playing, frame: 40 }, sentAtMs: 1000 };
    // Two seconds later at 24 fps the session is on frame 88.
    expect(showsSessionState(playingSession, { ...playing, frame: 88 }, 3000, FILM)).toBe(true);
    expect(showsSessionState(playingSession, { ...playing, frame: 40 }, 3000, FILM)).toBe(false);
  });

  it('in compare, the same pair and layout; the wipe comes from the session as following stops', () => {
    const compare = {
      versionId: V2,
      layout: 'wipe',
      alignment: { kind: 'map' },
      swapped: false,
      split: 0.2,
    } as const;
    const inCompare = { transport: { ...paused, frame: 40, compare }, sentAtMs: 1000 };
    const mine = { ...paused, frame: 40, compare: { ...compare, split: 0.5 } };
    expect(showsSessionState(inCompare, mine, 2000, FILM)).toBe(true);
    expect(
      showsSessionState(inCompare, { ...mine, compare: { ...compare, layout: 'side' } }, 2000, FILM),
    ).toBe(false);
    expect(showsSessionState(inCompare, { ...mine, compare: null }, 2000, FILM)).toBe(false);
  });
});

describe('a playing host’s sample', () => {
  it('sends the frame playback is in, and how long ago it got there, at the speed it plays', () => {
    expect(hostSample(40.5, 1, { fpsNum: 25, fpsDen: 1 })).toEqual({ frame: 40, sampleAgeMs: 20 });
    expect(hostSample(40.5, 2, { fpsNum: 25, fpsDen: 1 })).toEqual({ frame: 40, sampleAgeMs: 10 });
    // 23.976: a frame lasts 1001/24 ms.
    expect(hostSample(100.75, 1, { fpsNum: 24000, fpsDen: 1001 })).toEqual({ frame: 100, sampleAgeMs: 31 });
  });

  it('a position a hair short of a frame (the clock’s rounding) is that frame, just begun', () => {
    expect(hostSample(41 - 1e-6, 1, { fpsNum: 25, fpsDen: 1 })).toEqual({ frame: 41, sampleAgeMs: 0 });
    expect(hostSample(0, 1, { fpsNum: 25, fpsDen: 1 })).toEqual({ frame: 0, sampleAgeMs: 0 });
  });
});
