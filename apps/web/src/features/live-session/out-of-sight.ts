import type { LiveTransport, Version } from '@cutroom/contracts';

/**
 * Why I cannot follow the host where it is, or null when I can: a follower is only sent to versions
 * it can see, and otherwise stays on its page, told why, until the host comes back within sight.
 */
export function hostOutOfSight(transport: LiveTransport, versions: readonly Version[]): string | null {
  const sees = (id: string) => versions.some((version) => version.id === id);
  if (transport.compare && !(sees(transport.versionId) && sees(transport.compare.versionId)))
    return "The host is comparing with a version you can't see: you will follow again when they leave compare";
  if (!sees(transport.versionId)) return "The host is on a version you can't see";
  return null;
}
