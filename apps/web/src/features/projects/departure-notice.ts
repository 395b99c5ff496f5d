/** A one-line notice carried in navigation state to the projects list after leaving or deleting a project. */
export interface DepartureNotice {
  notice: string;
}

export function departureNotice(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string') {
    return state.notice;
  }
  return null;
}
