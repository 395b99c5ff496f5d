import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { AppConfigToken } from '../config/config.provider.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where media lives on disk: paths are built only from ids, never from uploaded names.
 * `versions/<id>/original` is the upload; `versions/<id>/hls` the published renditions.
 * Work happens in `work/`, on the same filesystem, and is published by rename.
 */
@Injectable()
export class MediaStorage {
  readonly root: string;

  constructor(@Inject(AppConfigToken) config: AppConfig) {
    this.root = path.join(config.dataDir, 'media');
  }

  get uploadsDir(): string {
    return path.join(this.root, 'uploads');
  }

  versionDir(versionId: string): string {
    if (!UUID.test(versionId)) throw new Error(`not a version id: ${versionId}`);
    return path.join(this.root, 'versions', versionId);
  }

  originalPath(versionId: string): string {
    return path.join(this.versionDir(versionId), 'original');
  }

  /** A fresh scratch directory for one attempt at processing a version. */
  async workDir(versionId: string): Promise<string> {
    const base = path.join(this.root, 'work');
    await fs.mkdir(base, { recursive: true });
    this.versionDir(versionId);
    return fs.mkdtemp(path.join(base, `${versionId}-`));
  }

  /** Bytes free for media on its disk. */
  async freeBytes(): Promise<number> {
    const stats = await fs.statfs(this.root);
    return stats.bavail * stats.bsize;
  }

  async removeVersion(versionId: string): Promise<void> {
    await fs.rm(this.versionDir(versionId), { recursive: true, force: true });
  }

  async ensureDirs(): Promise<void> {
    await fs.mkdir(this.uploadsDir, { recursive: true });
    await fs.mkdir(path.join(this.root, 'versions'), { recursive: true });
  }
}
