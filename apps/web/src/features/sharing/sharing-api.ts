import {
  createdReviewLinkSchema,
  guestSessionResponseSchema,
  reviewLinkAddressSchema,
  reviewLinkListSchema,
  reviewLinkSchema,
  sharedLinkInfoSchema,
  sharedReviewSchema,
  type CreateReviewLinkBody,
  type JoinReviewLinkBody,
  type UpdateReviewLinkBody,
} from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

const linksPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/links`;
const sharePath = (token: string) => `/share/${encodeURIComponent(token)}`;

export function listReviewLinks(projectId: string, signal?: AbortSignal) {
  return apiRequest(linksPath(projectId), { schema: reviewLinkListSchema, signal });
}

export function createReviewLink(projectId: string, body: CreateReviewLinkBody) {
  return apiRequest(linksPath(projectId), { method: 'POST', body, schema: createdReviewLinkSchema });
}

export function revokeReviewLink(projectId: string, linkId: string) {
  return apiRequest(`${linksPath(projectId)}/${encodeURIComponent(linkId)}/revoke`, {
    method: 'POST',
    schema: reviewLinkSchema,
  });
}

export function getReviewLinkAddress(projectId: string, linkId: string) {
  return apiRequest(`${linksPath(projectId)}/${encodeURIComponent(linkId)}/address`, {
    schema: reviewLinkAddressSchema,
  });
}

export function updateReviewLink(projectId: string, linkId: string, body: UpdateReviewLinkBody) {
  return apiRequest(`${linksPath(projectId)}/${encodeURIComponent(linkId)}`, {
    method: 'PATCH',
    body,
    schema: reviewLinkSchema,
  });
}

export function enableReviewLink(projectId: string, linkId: string) {
  return apiRequest(`${linksPath(projectId)}/${encodeURIComponent(linkId)}/enable`, {
    method: 'POST',
    schema: reviewLinkSchema,
  });
}

export function openSharedLink(token: string, signal?: AbortSignal) {
  return apiRequest(sharePath(token), { schema: sharedLinkInfoSchema, signal });
}

export function joinSharedLink(token: string, body: JoinReviewLinkBody) {
  return apiRequest(`${sharePath(token)}/guests`, {
    method: 'POST',
    body,
    schema: guestSessionResponseSchema,
  });
}

export function getSharedReview(signal?: AbortSignal) {
  return apiRequest('/share', { schema: sharedReviewSchema, signal });
}
