/** The `@name` being typed just before the caret, if any. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[^\p{L}\p{N}_])@([\p{L}\p{N}_.-]*(?: [\p{L}\p{N}_.-]*)?)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}

/** Replaces the `@query` at `start` with `@Display Name `, returning the text and where the caret goes. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  displayName: string,
): { text: string; caret: number } {
  const mention = `@${displayName} `;
  return { text: text.slice(0, start) + mention + text.slice(caret), caret: start + mention.length };
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
