import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getDueDate, getMyBoard, getProjectBoard, setCutDueDate, setDueDate } from './rounds-board-api';
import { dueDateKeys, roundsBoardKeys } from './rounds-board-keys';

export function useProjectBoard(projectId: string) {
  return useQuery({
    queryKey: roundsBoardKeys.project(projectId),
    queryFn: ({ signal }) => getProjectBoard(projectId, signal),
  });
}

export function useMyBoard(mine: boolean) {
  return useQuery({
    queryKey: roundsBoardKeys.mine(mine),
    queryFn: ({ signal }) => getMyBoard(mine, signal),
  });
}

/** When a round (a version) is due, or null; kept current by `round.due` events. */
export function useDueDate(versionId: string) {
  return useQuery({
    queryKey: dueDateKeys.version(versionId),
    queryFn: ({ signal }) => getDueDate(versionId, signal),
  });
}

/** Sets or clears a round's due date; every board reads itself again (the room says so to others). */
export function useSetDueDate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, dueAt }: { versionId: string; dueAt: string | null }) =>
      setDueDate(versionId, dueAt),
    onSuccess: (due) => {
      queryClient.setQueryData(dueDateKeys.version(due.versionId), due);
      return queryClient.invalidateQueries({ queryKey: roundsBoardKeys.all });
    },
  });
}

/** Sets or clears the due date of the round each cut is in now (sharing cuts sets it this way). */
export function useSetCutDueDate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ assetId, dueAt }: { assetId: string; dueAt: string | null }) =>
      setCutDueDate(assetId, dueAt),
    onSuccess: (due) => {
      queryClient.setQueryData(dueDateKeys.version(due.versionId), due);
      return queryClient.invalidateQueries({ queryKey: roundsBoardKeys.all });
    },
  });
}
