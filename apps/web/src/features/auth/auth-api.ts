import {
  currentUserResponseSchema,
  sessionResponseSchema,
  type LoginBody,
  type RegisterBody,
} from '@cutroom/contracts';
import { apiRequest } from '../../lib/api-client';

export function fetchCurrentUser(signal?: AbortSignal) {
  return apiRequest('/auth/me', { schema: currentUserResponseSchema, signal });
}

export function login(body: LoginBody) {
  return apiRequest('/auth/login', { method: 'POST', body, schema: sessionResponseSchema });
}

export function register(body: RegisterBody) {
  return apiRequest('/auth/register', { method: 'POST', body, schema: sessionResponseSchema });
}

export function logout() {
  return apiRequest('/auth/logout', { method: 'POST' });
}
