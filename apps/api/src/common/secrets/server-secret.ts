import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { AppConfigToken } from '../../config/config.provider.js';
import { deriveToken, loadSecret } from './secret-file.js';

/**
 * A secret of this installation, kept in DATA_DIR (shared by every api node) and never in the
 * database: tokens derived from it can be shown again without being stored, and a copy of the
 * database alone cannot forge or recover them.
 */
@Injectable()
export class ServerSecret {
  private secret: Buffer | undefined;

  constructor(@Inject(AppConfigToken) private readonly config: AppConfig) {}

  derive(purpose: string, id: string): string {
    this.secret ??= loadSecret(this.config.dataDir);
    return deriveToken(this.secret, purpose, id);
  }
}
