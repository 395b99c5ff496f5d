import type { ProjectRole } from '@cutroom/contracts';
import { roleLabels } from './roles';

export function RoleBadge({ role }: { role: ProjectRole }) {
  return <span className={`role-badge role-${role}`}>{roleLabels[role]}</span>;
}
