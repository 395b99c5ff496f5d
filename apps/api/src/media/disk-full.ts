/** A write failed because the disk (or the quota) is full: from Node (ENOSPC) or ffmpeg's stderr. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  const said = [error instanceof Error ? error.message : '', (error as { stderrTail?: unknown })?.stderrTail];
  return said.some(
    (text) => typeof text === 'string' && /No space left on device|Disk quota exceeded/i.test(text),
  );
}

/**
 * Below this much free space a failed write is put down to the disk: ffmpeg's muxers can fail to
 * write a segment and still exit cleanly, so the error alone does not always say so.
 */
export const NEARLY_FULL_BYTES = 1024 ** 2;
