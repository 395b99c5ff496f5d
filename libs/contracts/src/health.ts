import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ status: z.enum(['up', 'down']), latencyMs: z.number().optional() }),
  version: z.string(),
  uptimeSeconds: z.number(),
});
export type Health = z.infer<typeof healthSchema>;

const readinessCheckSchema = z.object({
  ok: z.boolean(),
  /** Why not, in a sentence, when not. */
  reason: z.string().optional(),
});

/** /api/ready: whether this process should be given traffic now. */
export const readinessSchema = z.object({
  /** draining: stopping gracefully, finishing what is under way and taking nothing new. */
  status: z.enum(['ready', 'not_ready', 'draining']),
  checks: z.object({
    database: readinessCheckSchema,
    migrations: readinessCheckSchema,
    storage: readinessCheckSchema,
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;
