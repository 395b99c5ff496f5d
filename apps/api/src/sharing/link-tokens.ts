import { Injectable } from '@nestjs/common';
import { ServerSecret } from '../common/secrets/server-secret.js';

/**
 * Review-link tokens, derived from the link's id with the installation's secret (kept in DATA_DIR,
 * never in the database): the address can be shown again to the link's makers, while a stolen
 * database (token hashes only) opens none.
 */
@Injectable()
export class LinkTokens {
  constructor(private readonly secret: ServerSecret) {}

  tokenFor(linkId: string): string {
    return this.secret.derive('review-link', linkId);
  }
}
