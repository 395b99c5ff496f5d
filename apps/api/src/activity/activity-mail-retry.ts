/** Waits before the 2nd, 3rd and 4th attempts at one mail; then it is given up. */
export const MAIL_RETRY_DELAYS_MS = [2_000, 10_000, 30_000] as const;

/** What nodemailer puts on its errors that says whether trying again can help. */
interface MailErrorFacts {
  code?: unknown;
  responseCode?: unknown;
  permanent?: unknown;
}

// Wrong credentials or settings: the same again gets the same answer until someone fixes them.
const PERMANENT_CODES = new Set(['EAUTH', 'ECONFIG']);

/**
 * Whether a failed send will fail the same way however often it is tried: the server refused
 * the message or a recipient for good (a 5xx reply other than 503), or the settings are wrong.
 * A dropped connection, a timeout or a 4xx reply ("try again later") is worth another attempt.
 */
export function isPermanentMailError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const facts = error as MailErrorFacts;
  if (typeof facts.permanent === 'boolean') return facts.permanent;
  if (typeof facts.responseCode === 'number' && facts.responseCode >= 500 && facts.responseCode !== 503) {
    return true;
  }
  return typeof facts.code === 'string' && PERMANENT_CODES.has(facts.code);
}

export interface RetryOptions {
  delaysMs: readonly number[];
  sleep: (ms: number) => Promise<void>;
  /** Told of each failure that will be tried again. */
  onRetry: (error: unknown, attempt: number, delayMs: number) => void;
  /** Checked before each retry: false gives up at once (the process is stopping). */
  shouldGoOn: () => boolean;
}

/** Runs `send` until it succeeds, fails for good, or the delays run out; rethrows the last error. */
export async function sendWithRetry<T>(send: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const delayMs = options.delaysMs[attempt - 1];
      if (delayMs === undefined || isPermanentMailError(error) || !options.shouldGoOn()) throw error;
      options.onRetry(error, attempt, delayMs);
      await options.sleep(delayMs);
      if (!options.shouldGoOn()) throw error;
    }
  }
}
