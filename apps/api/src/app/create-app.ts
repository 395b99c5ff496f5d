import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { ApiExceptionFilter } from '../common/http/api-exception.filter.js';
import { DomainException } from '../common/http/domain.exception.js';
import { NestPinoLogger } from '../common/logging/logger.js';
import { Drain } from '../common/lifecycle/drain.js';
import { httpMetrics } from '../common/metrics/http-metrics.js';
import { Metrics } from '../common/metrics/metrics.js';
import { sameOriginMiddleware } from '../common/http/same-origin.js';
import { type AppContext, AppModule } from './app.module.js';
import { tusOpenApiPaths } from '../uploads/tus-openapi.js';
import { TusUploadServer, UPLOADS_PATH } from '../uploads/tus-server.js';
import { findWebClientDir, serveWebClient } from './web-client.js';

export const JSON_BODY_LIMIT = '1mb';
/** A request body that sends nothing for this long is cut. */
const BODY_IDLE_MS = 120_000;

/** Builds the whole HTTP app (API, docs, web client) around an already-migrated data source. */
export async function createApp(context: AppContext): Promise<NestExpressApplication> {
  const { config, logger } = context;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(context), {
    logger: new NestPinoLogger(logger.child({ component: 'nest' })),
    bodyParser: false,
  });
  // A master of tens of gigabytes sent in one PATCH can take longer than Node's five minutes for a
  // whole request: there is no such limit; a request whose body stops arriving for
  // BODY_IDLE_MS is cut instead (headers still have Node's minute to arrive). Only while the
  // body arrives: answering may take as long as it takes.
  const server = app.getHttpServer() as Server;
  server.requestTimeout = 0;
  server.on('request', (request: IncomingMessage) => {
    if (request.complete) return;
    request.socket.setTimeout(BODY_IDLE_MS);
    request.once('end', () => request.socket.setTimeout(0));
  });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(httpMetrics(app.get(Metrics)));
  app.use(app.get(Drain).middleware());
  app.use(
    pinoHttp({
      logger: logger.child({ component: 'http' }),
      genReqId: (request, response) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      // 501 answers a feature the client asked for that we do not offer: the client's doing, a warning.
      customLogLevel: (_request, response, error) =>
        error || (response.statusCode >= 500 && response.statusCode !== 501)
          ? 'error'
          : response.statusCode >= 400
            ? 'warn'
            : 'info',
      autoLogging: {
        ignore: (request) => ['/api/health', '/api/ready', '/api/metrics'].includes(request.url ?? ''),
      },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          workerSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          upgradeInsecureRequests: config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use(cookieParser());
  app.use(sameOriginMiddleware(config.publicUrl));
  const tus = app.get(TusUploadServer);
  app.use(UPLOADS_PATH, (request: Request, response: Response) => {
    request.url = request.originalUrl; // tus matches the full path
    void tus.handle(request, response);
  });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // A body the JSON parser skipped (text, a form) would otherwise read as a missing one.
  app.use((request: Request, _response: Response, next: NextFunction) => {
    const hasBody =
      request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length']) > 0;
    if (!hasBody || request.is('application/json')) return next();
    next(
      new DomainException(
        'unsupported_media_type',
        'unsupported_media_type',
        'Send the body as JSON, with Content-Type: application/json.',
      ),
    );
  });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter(logger));
  // Body-parser failures happen before Nest routes the request: send them to the same filter.
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!error) return next();
    const filter = new ApiExceptionFilter(logger);
    filter.catch(error, {
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response, getNext: () => next }),
    } as never);
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cutroom API')
      .setDescription('Frame-accurate video review: accounts, projects, media, review and approvals.')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('cutroom_session')
      .build(),
  );
  Object.assign(document.paths, tusOpenApiPaths());
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });

  const webDir = findWebClientDir();
  if (webDir) serveWebClient(app, webDir);
  else logger.warn('the web client is not built (apps/web/dist): only the API is served');
  return app;
}
