import type { ProjectRole } from '@cutroom/contracts';
import { roleLabels } from './roles';
import './projects.css';

export function RoleBadge({ role }: { role: ProjectRole }) {
  return <span className={`role-badge role-${role}`}>{roleLabels[role]}</span>;
}
