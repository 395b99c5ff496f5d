import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics.js';

/**
 * The route template a request was answered by (`/api/versions/:versionId/comments`), never its
 * raw path, so ids do not become label values; uploads are one route, anything unmatched another.
 */
export function routeLabel(
  request: Pick<Request, 'baseUrl' | 'originalUrl'> & { route?: { path?: unknown } },
): string {
  const template = request.route?.path;
  if (typeof template === 'string') return `${request.baseUrl}${template}`;
  const path = request.originalUrl.split('?')[0];
  if (path === '/api/uploads' || path.startsWith('/api/uploads/')) return '/api/uploads';
  return path.startsWith('/api/') ? 'unmatched' : 'web';
}

/** Counts and times every answered request by method, route template and status. */
export function httpMetrics(metrics: Metrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const route = routeLabel(request);
      const method = request.method;
      metrics.httpRequests.inc({ method, route, status: String(response.statusCode) });
      metrics.httpDuration.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
