import { createContext, useContext, useSyncExternalStore } from 'react';
import type { UploadItem, UploadQueue } from './upload-queue';

export const UploadQueueContext = createContext<UploadQueue | null>(null);

export function useUploadQueue(): UploadQueue {
  const queue = useContext(UploadQueueContext);
  if (!queue) throw new Error('useUploadQueue is only usable inside UploadProvider');
  return queue;
}

/** Every upload of this tab, live. */
export function useUploads(): readonly UploadItem[] {
  const queue = useUploadQueue();
  return useSyncExternalStore(queue.subscribe, queue.getSnapshot);
}
