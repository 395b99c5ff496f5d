import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Version } from '@cutroom/contracts';
import { SIGNATURES_FILE, signatureFrameCount, writeSignatures } from '@cutroom/media';
import type { Logger } from '../common/logging/logger.js';
import { LoggerToken } from '../config/config.provider.js';
import { MediaBinariesProvider } from './media-binaries.js';
import { MediaStorage } from './media-storage.js';

/**
 * Each ready version's frame signatures (written while it was processed, in `hls/`). A version
 * processed before signatures existed gets them here, once, from its smallest rendition, in the
 * background: until then callers hear "being prepared".
 */
@Injectable()
export class FrameSignatureStore {
  private readonly preparing = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: MediaStorage,
    private readonly binaries: MediaBinariesProvider,
    @Inject(LoggerToken) private readonly logger: Logger,
  ) {}

  /** The signatures of a ready version, or null while they are being prepared. */
  async read(version: Version): Promise<Uint8Array | null> {
    const file = this.file(version.id);
    const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (bytes && signatureFrameCount(bytes.length) !== null) return new Uint8Array(bytes);
    this.prepare(version);
    return null;
  }

  private file(versionId: string): string {
    return path.join(this.storage.versionDir(versionId), 'hls', SIGNATURES_FILE);
  }

  private prepare(version: Version): void {
    if (this.preparing.has(version.id)) return;
    const smallest = [...version.renditions].sort((a, b) => a.height - b.height)[0];
    if (!smallest) return;
    const hls = path.join(this.storage.versionDir(version.id), 'hls');
    const target = this.file(version.id);
    const partial = `${target}.${process.pid}.partial`;
    const work = (async () => {
      await writeSignatures({
        binaries: await this.binaries.get(),
        input: path.join(hls, smallest.name, 'index.m3u8'),
        outputPath: partial,
      });
      await fs.rename(partial, target);
      this.logger.info({ versionId: version.id }, 'frame signatures prepared from a rendition');
    })()
      .catch(async (error: unknown) => {
        await fs.rm(partial, { force: true });
        this.logger.warn({ err: error, versionId: version.id }, 'could not prepare frame signatures');
      })
      .finally(() => this.preparing.delete(version.id));
    this.preparing.set(version.id, work);
  }
}
