import type { Caller } from './http-client.js';

/** tus's Upload-Metadata header: comma-separated "key base64(value)". */
export function tusMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
}

function headersOf(caller: Caller, extra: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = { 'Tus-Resumable': '1.0.0', ...extra };
  if (caller.auth.token) headers.authorization = `Bearer ${caller.auth.token}`;
  if (caller.auth.cookie) headers.cookie = caller.auth.cookie;
  return headers;
}

export async function tusCreate(caller: Caller, size: number, metadata: Record<string, string>) {
  const response = await fetch(`${caller.baseUrl}/api/uploads`, {
    method: 'POST',
    headers: headersOf(caller, { 'Upload-Length': String(size), 'Upload-Metadata': tusMetadata(metadata) }),
  });
  const text = await response.text();
  const location = response.headers.get('location');
  return {
    status: response.status,
    body: text ? safeJson(text) : undefined,
    url: location ? new URL(location, caller.baseUrl).toString() : undefined,
  };
}

export async function tusPatch(caller: Caller, url: string, offset: number, bytes: Uint8Array) {
  const response = await fetch(url, {
    method: 'PATCH',
    headers: headersOf(caller, {
      'Upload-Offset': String(offset),
      'Content-Type': 'application/offset+octet-stream',
    }),
    body: bytes,
  });
  const text = await response.text();
  return {
    status: response.status,
    offset: Number(response.headers.get('upload-offset')),
    body: text ? safeJson(text) : undefined,
  };
}

export async function tusHead(caller: Caller, url: string) {
  const response = await fetch(url, { method: 'HEAD', headers: headersOf(caller, {}) });
  return { status: response.status, offset: Number(response.headers.get('upload-offset')) };
}

/** Uploads a whole file in one PATCH; returns the upload URL. */
export async function tusUpload(
  caller: Caller,
  bytes: Uint8Array,
  metadata: Record<string, string>,
): Promise<string> {
  const created = await tusCreate(caller, bytes.length, metadata);
  if (created.status !== 201 || !created.url)
    throw new Error(`tus create failed: ${created.status} ${JSON.stringify(created.body)}`);
  if (bytes.length === 0) return created.url; // a zero-length upload is complete once created
  const patched = await tusPatch(caller, created.url, 0, bytes);
  if (patched.status !== 204)
    throw new Error(`tus patch failed: ${patched.status} ${JSON.stringify(patched.body)}`);
  return created.url;
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
