import { z } from 'zod';

/** One field that failed validation: `path` is dotted (`members.0.email`), empty for the whole value. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The single JSON shape of every 4xx/5xx response from the API. */
export const apiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  /** A stable machine-readable reason, e.g. `last_owner`, where one applies. */
  code: z.string().optional(),
  fields: z.array(fieldErrorSchema).optional(),
  requestId: z.string().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
