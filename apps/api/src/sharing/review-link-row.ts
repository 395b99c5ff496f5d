import type { LinkPermission, ReviewLink } from '@cutroom/contracts';
import { linkStatus } from './review-link-rules.js';

export interface LinkRow {
  id: string;
  project_id: string;
  label: string;
  all_assets: boolean;
  asset_ids: string[] | null;
  permissions: LinkPermission[];
  show_team_activity: boolean;
  has_password: boolean;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  guest_count: string;
  guests: { id: string; display_name: string; email: string | null; joined_at: string }[];
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  token_derived: boolean;
}

export const LINK_SELECT = `
  SELECT l.id, l.project_id, l.label, l.all_assets, l.permissions, l.show_team_activity, l.password_hash IS NOT NULL AS has_password,
         l.expires_at, l.revoked_at, l.last_used_at, l.created_by, cb.display_name AS created_by_name, l.created_at, l.token_derived,
         (SELECT array_agg(la.asset_id ORDER BY la.asset_id) FROM review_link_assets la WHERE la.link_id = l.id)
           AS asset_ids,
         (SELECT count(*) FROM users g WHERE g.guest_link_id = l.id) AS guest_count,
         coalesce((SELECT json_agg(json_build_object('id', g.id, 'display_name', g.display_name,
                                                     'email', g.guest_email, 'joined_at', g.created_at)
                                   ORDER BY g.created_at DESC)
                   FROM (SELECT * FROM users WHERE guest_link_id = l.id ORDER BY created_at DESC LIMIT 20) g),
                  '[]') AS guests
  FROM review_links l LEFT JOIN users cb ON cb.id = l.created_by`;

export function toReviewLink(row: LinkRow, now: Date): ReviewLink {
  return {
    id: row.id,
    projectId: row.project_id,
    label: row.label,
    assetIds: row.all_assets ? null : (row.asset_ids ?? []),
    permissions: row.permissions,
    showTeamActivity: row.show_team_activity,
    hasPassword: row.has_password,
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    status: linkStatus({ revokedAt: row.revoked_at, expiresAt: row.expires_at }, now),
    guestCount: Number(row.guest_count),
    guests: row.guests.map((g) => ({
      id: g.id,
      displayName: g.display_name,
      email: g.email,
      joinedAt: new Date(g.joined_at).toISOString(),
    })),
    createdBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    copyable: row.token_derived,
  };
}
