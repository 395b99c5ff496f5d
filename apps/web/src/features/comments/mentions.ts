/** The `@name` being typed just before the caret, if any. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[^\p{L}\p{N}_])@([\p{L}\p{N}_.-]*(?: [\p{L}\p{N}_.-]*)?)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}

/**
 * Replaces the `@partial` just before `caret` (from `start`) with `@Display Name` and one space, leaving
 * everything after the caret as it was; the caret goes right after that space. A space already there
 * is used rather than doubled.
 */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  displayName: string,
): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(caret);
  const mention = `@${displayName}`;
  if (/^\s/.test(after)) return { text: before + mention + after, caret: start + mention.length + 1 };
  return { text: `${before}${mention} ${after}`, caret: start + mention.length + 1 };
}

/** Chooses `displayName` for the mention being typed at `caret`; null when no mention is being typed. */
export function chooseMention(
  text: string,
  caret: number,
  displayName: string,
): { text: string; caret: number } | null {
  const query = mentionQueryAt(text, caret);
  return query ? insertMention(text, query.start, caret, displayName) : null;
}

/** Members whose name or email starts with what was typed. */
export function matchingMembers<T extends { displayName: string; email: string }>(
  members: readonly T[],
  query: string,
): T[] {
  const wanted = query.trim().toLowerCase();
  return members
    .filter(
      (member) =>
        member.displayName.toLowerCase().startsWith(wanted) || member.email.toLowerCase().startsWith(wanted),
    )
    .slice(0, 6);
}
