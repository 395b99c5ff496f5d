import type { MediaLogger } from '@cutroom/media';
import type { Logger } from '../common/logging/logger.js';

/** The media library's logger interface over our pino logger. */
export function mediaLogger(logger: Logger): MediaLogger {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
