import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { type FrameMap, frameMapSchema, type Version } from '@cutroom/contracts';
import { alignSignatures, signatureFrameCount } from '@cutroom/media';
import { DataSource } from 'typeorm';
import { AssetsService } from '../assets/assets.service.js';
import { DomainException } from '../common/http/domain.exception.js';
import { FrameSignatureStore } from './frame-signature-store.js';
import { MediaStorage } from './media-storage.js';

class FrameMapRefused extends DomainException {}

/**
 * The frame map between two versions of one project, by content: computed from their frame
 * signatures the first time it is asked for, then kept beside version a (`frame-maps/<b>.json`).
 */
@Injectable()
export class FrameMapService {
  /** Maps being made, by pair: people opening the same pair at once share one computation. */
  private readonly making = new Map<string, Promise<FrameMap>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetsService,
    private readonly storage: MediaStorage,
    private readonly signatures: FrameSignatureStore,
  ) {}

  async frameMap(userId: string, versionId: string, toVersionId: string): Promise<FrameMap> {
    const from = await this.assets.requireVersion(userId, versionId, 'project.view');
    const to = await this.assets.requireVersion(userId, toVersionId, 'project.view');
    if (from.projectId !== to.projectId) {
      throw new FrameMapRefused('invalid', 'other_project', 'Both versions must belong to the same project.');
    }
    return this.compute(versionId, toVersionId);
  }

  /** The map between two versions the caller may already see, or null while it cannot be made. */
  async known(versionId: string, toVersionId: string): Promise<FrameMap | null> {
    try {
      return await this.compute(versionId, toVersionId);
    } catch (error) {
      if (error instanceof FrameMapRefused) return null;
      throw error;
    }
  }

  private compute(versionId: string, toVersionId: string): Promise<FrameMap> {
    const pair = `${versionId}:${toVersionId}`;
    const underway = this.making.get(pair);
    if (underway) return underway;
    const made = this.computeOnce(versionId, toVersionId).finally(() => this.making.delete(pair));
    this.making.set(pair, made);
    return made;
  }

  private async computeOnce(versionId: string, toVersionId: string): Promise<FrameMap> {
    const file = path.join(this.storage.versionDir(versionId), 'frame-maps', `${toVersionId}.json`);
    const kept = await fs.readFile(file, 'utf8').catch(() => null);
    if (kept) return frameMapSchema.parse(JSON.parse(kept));

    const [a, b] = await Promise.all([versionId, toVersionId].map((id) => this.readyVideo(id)));
    const [aSignatures, bSignatures] = await Promise.all([this.signatures.read(a), this.signatures.read(b)]);
    if (!aSignatures || !bSignatures) {
      throw new FrameMapRefused(
        'conflict',
        'frame_map_preparing',
        'The frame map is being prepared (these versions were processed before frame signatures existed). Try again in a minute.',
      );
    }
    const map: FrameMap = {
      versionId,
      toVersionId,
      aFrameCount: signatureFrameCount(aSignatures.length) ?? 0,
      bFrameCount: signatureFrameCount(bSignatures.length) ?? 0,
      runs: alignSignatures(aSignatures, bSignatures),
    };
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Its own name: another api process may be writing the same map.
    const partial = `${file}.${process.pid}-${randomUUID()}.partial`;
    await fs.writeFile(partial, JSON.stringify(map));
    await fs.rename(partial, file);
    return map;
  }

  private async readyVideo(versionId: string): Promise<Version> {
    const version = await this.assets.loadVersion(this.dataSource.manager, versionId);
    if (version.status !== 'ready') {
      throw new FrameMapRefused(
        'conflict',
        'version_not_ready',
        'Both versions must have finished processing.',
      );
    }
    if (version.media?.kind !== 'video') {
      throw new FrameMapRefused(
        'invalid',
        'not_video',
        'A frame map needs two videos: stills and sound have no frames to match.',
      );
    }
    return version;
  }
}
