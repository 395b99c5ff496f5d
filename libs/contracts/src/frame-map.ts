import { z } from 'zod';
import { uuidInput } from './ids';

/** A stretch of frames showing the same pictures in both versions: a's aStart + k is b's bStart + k. */
export const frameRunSchema = z.object({
  aStart: z.number().int().nonnegative(),
  bStart: z.number().int().nonnegative(),
  length: z.number().int().positive(),
});
export type FrameRun = z.infer<typeof frameRunSchema>;

/**
 * Where every picture of one version is in another, by content: runs in a's order (a shot moved
 * in b makes runs out of b's order). A frame of a in no run was cut; a frame of b in none was added.
 */
export const frameMapSchema = z.object({
  versionId: z.uuid(),
  toVersionId: z.uuid(),
  aFrameCount: z.number().int().nonnegative(),
  bFrameCount: z.number().int().nonnegative(),
  runs: z.array(frameRunSchema),
});
export type FrameMap = z.infer<typeof frameMapSchema>;

export const frameMapQuerySchema = z.object({ to: uuidInput() });
export type FrameMapQuery = z.infer<typeof frameMapQuerySchema>;
