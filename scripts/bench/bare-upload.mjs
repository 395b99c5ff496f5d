// The baseline for bench:upload: a bare Node http server that streams each request's body to a file
// (at the request's Upload-Offset, so chunked uploads land in one file), with no auth, no database,
// no hashing and no fsync, unless the request says `x-fsync: 1`: then the file is made durable (one
// fdatasync) before the answer, as a server must before it says an upload is complete. It also
// serves a page with a file input, for the browser upload.
// Usage: node bare-upload.mjs <directory>; prints its port on stdout.
import { createWriteStream, promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const directory = process.argv[2];
const PAGE = '<!doctype html><meta charset="utf-8"><title>bare upload</title><input type="file" id="file">';

const server = createServer(async (request, response) => {
  if (request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    return;
  }
  const name = path.basename(new URL(request.url, 'http://bare').pathname) || 'upload';
  const offset = Number(request.headers['upload-offset'] ?? 0);
  const target = path.join(directory, name);
  const file = createWriteStream(target, {
    flags: offset === 0 ? 'w' : 'r+',
    start: offset,
  });
  try {
    await pipeline(request, file);
    if (request.headers['x-fsync'] === '1') {
      const handle = await fs.open(target, 'r');
      await handle.datasync().finally(() => handle.close());
    }
    response.writeHead(204, { 'upload-offset': String(offset + file.bytesWritten) }).end();
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => process.exit(0));
