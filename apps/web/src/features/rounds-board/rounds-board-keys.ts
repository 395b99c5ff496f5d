/** Cache keys of the rounds board: a project's board, and "My work" across projects. */
export const roundsBoardKeys = {
  all: ['rounds-board'] as const,
  project: (projectId: string) => [...roundsBoardKeys.all, 'project', projectId] as const,
  mine: (mine: boolean) => [...roundsBoardKeys.all, 'across', mine] as const,
};

/** Cache key of one round's due date, as the cut's page shows it. */
export const dueDateKeys = {
  version: (versionId: string) => ['due-date', versionId] as const,
};
