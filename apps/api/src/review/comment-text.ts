/** A project member as far as @mentions are concerned. */
export interface Mentionable {
  id: string;
  displayName: string;
  email: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * Members @mentioned in a comment: `@Display Name` (longest name wins, so "@Ann Lee" is not
 * "@Ann") or `@local-part` of their email, case-insensitive, not followed by a word character.
 */
export function findMentions(body: string, members: readonly Mentionable[]): string[] {
  const lower = body.toLowerCase();
  const candidates = members
    .flatMap((m) => [
      { id: m.id, handle: m.displayName.trim().toLowerCase() },
      { id: m.id, handle: m.email.split('@')[0].toLowerCase() },
    ])
    .filter((c) => c.handle.length > 0)
    .sort((a, b) => b.handle.length - a.handle.length);
  const found = new Set<string>();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(lower[at - 1])) continue; // an email address, not a mention
    const match = candidates.find(
      (c) => lower.startsWith(c.handle, at + 1) && !WORD.test(lower[at + 1 + c.handle.length] ?? ''),
    );
    if (match) found.add(match.id);
  }
  return [...found];
}

/** #hashtags in a comment, lower-cased, without the '#', each once, in order of appearance. */
export function findHashtags(body: string): string[] {
  const tags = new Set<string>();
  for (const match of body.matchAll(/(^|[^\p{L}\p{N}_&#])#([\p{L}\p{N}_]{1,50})(?![\p{L}\p{N}_])/gu)) {
    if (!/^\d+$/.test(match[2])) tags.add(match[2].toLowerCase());
  }
  return [...tags];
}
