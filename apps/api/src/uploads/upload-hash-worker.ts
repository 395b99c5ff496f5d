import { parentPort } from 'node:worker_threads';
import type { HashReply, HashRequest } from './upload-hasher.js';
import { UploadHashes } from './upload-hashes.js';

// The thread that hashes uploads (see UploadHasher): requests are answered in the order they came.
if (!parentPort) throw new Error('upload-hash-worker runs as a worker thread');
const port = parentPort;
let rehashed = 0;
const hashes = new UploadHashes((bytes) => (rehashed += bytes));

port.on('message', (request: HashRequest) => {
  if (request.kind === 'forget') {
    hashes.forget(request.uploadId);
    return;
  }
  rehashed = 0;
  let reply: HashReply;
  try {
    if (request.kind === 'written') {
      hashes.written(request.uploadId, request.file, request.from, request.to);
      reply = { kind: 'hashed', bytes: request.to - request.from, rehashed };
    } else {
      const sha256 = hashes.digest(request.uploadId, request.file, request.size);
      reply = { kind: 'digest', ticket: request.ticket, sha256, rehashed };
    }
  } catch (error) {
    // This upload's hash is dropped; it starts over from its file when the upload goes on.
    hashes.forget(request.uploadId);
    const message = error instanceof Error ? error.message : String(error);
    reply =
      request.kind === 'digest'
        ? { kind: 'failed', ticket: request.ticket, message, rehashed }
        : { kind: 'hashed', bytes: request.to - request.from, rehashed };
  }
  port.postMessage(reply);
});
