import { GUEST_SUFFIX } from '@cutroom/contracts';

/** A display name as the server sends it ("Ana (guest)" for a guest), split into the name and the guest mark. */
export function personName(displayName: string): { name: string; guest: boolean } {
  const trimmed = displayName.trim();
  const guest = trimmed.endsWith(GUEST_SUFFIX.trim());
  return { name: guest ? trimmed.slice(0, -GUEST_SUFFIX.trim().length).trim() : trimmed, guest };
}
