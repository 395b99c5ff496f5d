import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { assetKeys } from '../features/assets/asset-queries';
import { UploadQueueContext } from '../features/upload/upload-context';
import { UploadQueue } from '../features/upload/upload-queue';
import type { UploadTarget } from '../features/upload/upload-rules';

/** The tab's uploads, kept above the pages so they carry on while the person moves around. */
export function UploadProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [queue] = useState(() => {
    // Realtime events bring the same news; this covers a socket that is down at that moment.
    const refresh = (target: UploadTarget) => {
      void queryClient.invalidateQueries({ queryKey: assetKeys.list(target.projectId) });
      if (target.kind === 'new-version') {
        void queryClient.invalidateQueries({ queryKey: assetKeys.detail(target.assetId) });
      }
    };
    return new UploadQueue({ onCreated: refresh, onSettled: refresh });
  });

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (queue.hasActiveUploads) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [queue]);

  return <UploadQueueContext.Provider value={queue}>{children}</UploadQueueContext.Provider>;
}
