/** Postgres SQLSTATEs after which running the same transaction again is safe and likely to succeed. */
const RETRYABLE = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.code;
  const driverCode = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return RETRYABLE.has(String(code ?? driverCode));
}

/**
 * Runs a whole transaction again when Postgres picked it as a deadlock's victim. Deleting a
 * project cascades through many tables while background work (activity fan-out, mail) inserts rows
 * that point at them; whichever order the locks are taken in, one side may have to start over.
 */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}
