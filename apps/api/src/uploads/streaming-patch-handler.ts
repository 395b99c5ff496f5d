import type { IncomingMessage } from 'node:http';
import type { CancellationContext, DataStore, Server, ServerOptions, Upload } from '@tus/server';
import { ERRORS } from '@tus/server';
import type { UploadFileStore } from './upload-file-store.js';

type PatchHandler = Server['handlers']['PATCH'];

/**
 * tus's PATCH handler with every protocol rule of its own (offsets, locks, lengths, the finish
 * hook), except how the body reaches the disk: straight from the Node request into the store,
 * instead of through a web stream and back (which copies every chunk and adds a stream hop per
 * chunk). tus-node does not export the class; it is taken from the server it built.
 */
export function streamingPatchHandler(server: Server, store: UploadFileStore): PatchHandler {
  const TusPatchHandler = server.handlers.PATCH.constructor as new (
    store: DataStore,
    options: ServerOptions,
  ) => PatchHandler;

  class StreamingPatchHandler extends TusPatchHandler {
    private readonly bodies = new WeakMap<CancellationContext, IncomingMessage>();

    override send(
      req: Request,
      context: CancellationContext,
      headers?: Parameters<PatchHandler['send']>[2],
    ): ReturnType<PatchHandler['send']> {
      const node = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
      if (node) {
        this.bodies.set(context, node);
        // The request's web body is never made: wrapping the socket in one would take its bytes.
        Object.defineProperty(req, 'body', { value: null });
      }
      return super.send(req, context, headers);
    }

    protected override async writeToStore(
      webStream: ReadableStream | null,
      upload: Upload,
      maxBytes: number,
      context: CancellationContext,
    ): Promise<number> {
      const body = this.bodies.get(context);
      if (!body) return super.writeToStore(webStream, upload, maxBytes, context);
      if (context.signal.aborted) throw ERRORS.ABORTED;
      return store.receive(body, upload.id, upload.offset, maxBytes, context.signal);
    }
  }

  return new StreamingPatchHandler(server.datastore, server.options);
}
