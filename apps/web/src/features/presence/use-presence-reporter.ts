import { useEffect, useRef } from 'react';
import { useRoomSender } from '../../lib/realtime/realtime-context';

/** At most this many presence updates a second (the server admits 15). */
const PRESENCE_INTERVAL_MS = 250;

/** Tells the room which version and frame I am on, throttled, with the last state always sent. */
export function usePresenceReporter(
  assetId: string,
  versionId: string | null,
  frame: number | null,
  playing: boolean,
) {
  const sender = useRoomSender();
  const lastSentMs = useRef(0);
  useEffect(() => {
    const send = () => {
      lastSentMs.current = Date.now();
      sender.sendPresence({ assetId, versionId, frame, playing });
    };
    const wait = PRESENCE_INTERVAL_MS - (Date.now() - lastSentMs.current);
    if (wait <= 0) {
      send();
      return;
    }
    const timer = setTimeout(send, wait);
    return () => clearTimeout(timer);
  }, [sender, assetId, versionId, frame, playing]);
}
