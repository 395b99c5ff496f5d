import type { Version } from '@cutroom/contracts';
import { useAssets } from '../assets/asset-queries';
import type { UploadItem } from './upload-queue';

/**
 * The version a finished upload became, as the project's list has it: version events keep that
 * list live, so the tray shows processing, then Ready or Failed, without asking again.
 */
export function useUploadedVersion(item: UploadItem): Version | null {
  const assets = useAssets(item.target.projectId);
  if (item.state !== 'done' || !item.versionId) return null;
  const asset = assets.data?.find((candidate) => candidate.id === item.assetId);
  const latest = asset?.latestVersion;
  return latest && latest.id === item.versionId ? latest : null;
}
