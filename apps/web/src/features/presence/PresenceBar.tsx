import type { Presence } from '@cutroom/contracts';
import { initials, presenceColour } from './presence-colour';
import './presence.css';

/** Who else has this cut open, and where they are. */
export function PresenceBar({
  others,
  describe,
}: {
  others: readonly Presence[];
  describe: (presence: Presence) => string;
}) {
  if (others.length === 0) return null;
  return (
    <ul className="presence-bar" aria-label="Also here">
      {others.map((presence) => (
        <li
          key={presence.socketId}
          className="presence-avatar"
          style={{ background: presenceColour(presence.user.id) }}
          title={`${presence.user.displayName}: ${describe(presence)}`}
          data-testid="presence-avatar"
        >
          <span aria-hidden="true">{initials(presence.user.displayName)}</span>
          <span className="visually-hidden">
            {presence.user.displayName}, {describe(presence)}
          </span>
        </li>
      ))}
    </ul>
  );
}
