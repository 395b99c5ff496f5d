import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { findWorkspaceRoot } from '../config/workspace.js';

/** The built React app, from `apps/web/dist` of the workspace this file was built in. */
export function findWebClientDir(): string | undefined {
  const built = path.join(findWorkspaceRoot(), 'apps', 'web', 'dist');
  return existsSync(path.join(built, 'index.html')) ? built : undefined;
}

/**
 * Serves the web client at `/`: hashed assets cached for a year, and index.html for every
 * other page route so client-side routing works on reload (`/assets/<uuid>` is a page too:
 * the static handler falls through when no such file exists). `/api` is left to Nest.
 */
export function serveWebClient(app: NestExpressApplication, webDir: string): void {
  app.use(
    '/assets',
    express.static(path.join(webDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: true }),
  );
  app.use(express.static(webDir, { index: false, maxAge: 0 }));
  const indexHtml = path.join(webDir, 'index.html');
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.path.startsWith('/api') &&
      !request.path.startsWith('/socket.io') &&
      request.accepts('html') === 'html';
    if (!isPage) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
}
