import { z } from 'zod';

/**
 * A UUID sent to us (a path, a body, a socket message): any letter case is accepted and read in
 * lower case, as Postgres writes ids, so an id a caller sends equals the one read back.
 */
export function uuidInput(params?: Parameters<typeof z.uuid>[0]) {
  return z.uuid(params).toLowerCase();
}

/** A UUID path parameter. */
export const uuidParamSchema = uuidInput({ message: 'must be a UUID' });
