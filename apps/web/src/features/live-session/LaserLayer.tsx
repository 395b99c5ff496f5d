import { useEffect, useRef, type PointerEvent } from 'react';
import {
  LASER_FADE_MS,
  LASER_HELD_RESEND_MS,
  type LaserPointer,
  laserLook,
} from '../../lib/realtime/room-signals';
import { presenceColour } from '../presence/presence-colour';

/** Positions are sent at most this often while the pointer moves (the server relays 20 a second). */
const LASER_SEND_INTERVAL_MS = 50;

interface LaserLayerProps {
  picture: { width: number; height: number };
  /** The others' pointers on the version shown. */
  lasers: readonly LaserPointer[];
  /** The clock the pointers are shown by (see useLaserClock). */
  nowMs: number;
  /** My pointer is on: pressing and dragging on the picture points for everyone. */
  pointing: boolean;
  /** Where my pointer is, in picture coordinates (0..1), or null when let go. */
  onPoint: (point: [number, number] | null) => void;
}

/** The live session's laser pointers over the picture: the others' dots, and mine while I press. */
export function LaserLayer({ picture, lasers, nowMs, pointing, onPoint }: LaserLayerProps) {
  const down = useRef<[number, number] | null>(null);
  const lastSent = useRef(0);
  const send = useRef(onPoint);
  useEffect(() => {
    send.current = onPoint;
  });

  // Held still, my pointer is sent again now and then: others let go of one they stop hearing of.
  useEffect(() => {
    if (!pointing) return;
    const timer = setInterval(() => {
      if (down.current) send.current(down.current);
    }, LASER_HELD_RESEND_MS);
    return () => {
      clearInterval(timer);
      if (down.current) send.current(null);
      down.current = null;
    };
  }, [pointing]);

  function pointAt(event: PointerEvent<HTMLDivElement>): [number, number] {
    const box = event.currentTarget.getBoundingClientRect();
    const clamp = (value: number) => Math.min(1, Math.max(0, value));
    return [clamp((event.clientX - box.left) / box.width), clamp((event.clientY - box.top) / box.height)];
  }

  function press(event: PointerEvent<HTMLDivElement>) {
    if (!pointing || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    down.current = pointAt(event);
    lastSent.current = Date.now();
    onPoint(down.current);
  }

  function move(event: PointerEvent<HTMLDivElement>) {
    if (!down.current) return;
    down.current = pointAt(event);
    const now = Date.now();
    if (now - lastSent.current < LASER_SEND_INTERVAL_MS) return;
    lastSent.current = now;
    onPoint(down.current);
  }

  function release() {
    if (!down.current) return;
    down.current = null;
    onPoint(null);
  }

  return (
    <div
      className={`live-laser-layer${pointing ? ' live-laser-layer-pointing' : ''}`}
      data-testid="live-laser-layer"
      role={pointing ? 'application' : undefined}
      aria-label={pointing ? 'Laser pointer: press and drag on the picture to point' : undefined}
      onPointerDown={press}
      onPointerMove={move}
      onPointerUp={release}
      onPointerCancel={release}
    >
      {lasers.map((laser) => {
        const look = laserLook(laser, nowMs);
        if (look === 'gone') return null;
        return (
          <span
            key={laser.socketId}
            className={`live-laser${look === 'fading' ? ' live-laser-fading' : ''}`}
            data-testid="live-laser"
            data-look={look}
            title={`${laser.displayName}'s pointer`}
            style={{
              left: laser.point[0] * picture.width,
              top: laser.point[1] * picture.height,
              background: presenceColour(laser.userId),
              color: presenceColour(laser.userId),
              transitionDuration: `${LASER_FADE_MS}ms`,
            }}
          />
        );
      })}
    </div>
  );
}
