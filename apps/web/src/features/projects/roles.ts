import { projectRoles, type ProjectRole } from '@cutroom/contracts';

export const roleLabels: Record<ProjectRole, string> = {
  owner: 'Owner',
  editor: 'Editor',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};

export const roleDescriptions: Record<ProjectRole, string> = {
  owner: 'manages members and can delete the project',
  editor: 'uploads cuts and renames the project',
  reviewer: 'leaves notes and approves or requests changes',
  viewer: 'watches cuts and reads notes',
};

export const roleOptions = projectRoles.map((role) => ({ value: role, label: roleLabels[role] }));
