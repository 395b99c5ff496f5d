import { initials, presenceColour } from './presence-colour';
import './presence.css';

/** A person's initials on their own colour (the same as their playhead and markers); decorative. */
export function Avatar({
  person,
  size = 'medium',
}: {
  person: { id: string; displayName: string } | null;
  size?: 'small' | 'medium';
}) {
  return (
    <span
      className={`avatar avatar-${size}`}
      style={{ background: person ? presenceColour(person.id) : undefined }}
      aria-hidden="true"
      data-testid="avatar"
    >
      {person ? initials(person.displayName) : '?'}
    </span>
  );
}
