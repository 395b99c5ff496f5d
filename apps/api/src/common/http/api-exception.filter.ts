import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { ApiError } from '@cutroom/contracts';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../../database/database-unavailable.js';
import type { Logger } from '../logging/logger.js';
import { ValidationException } from '../validation/validation.exception.js';
import { DomainException, statusForKind } from './domain.exception.js';
import { RateLimitedException } from './rate-limited.exception.js';
import { reasonPhrases } from './reason-phrases.js';

/** The one place errors become HTTP: one JSON shape, and a 500 never leaks its message. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = toApiError(exception);
    body.requestId = request.id === undefined ? undefined : String(request.id);
    if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception, requestId: body.requestId, url: request.originalUrl },
        'request failed',
      );
    }
    if (response.headersSent) return;
    if (exception instanceof RateLimitedException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }
}

/** Any error as the API's one JSON error shape; a 5xx never carries the error's own message. */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof ValidationException) {
    return { ...base(400), message: exception.message, code: exception.code, fields: exception.fields };
  }
  if (exception instanceof DomainException) {
    return { ...base(statusForKind[exception.kind]), message: exception.message, code: exception.code };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) return { ...base(status), message: reasonPhrases[status] ?? 'Server error' };
    return { ...base(status), message: httpMessage(exception) };
  }
  if (isBodyParserError(exception)) {
    const status = exception.status;
    const message =
      exception.type === 'entity.too.large'
        ? 'The request body is too large.'
        : exception.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : 'The request body could not be read.';
    return { ...base(status), message, code: exception.type?.replace(/\./g, '_') };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      ...base(503),
      message: 'The database is not answering right now. Try again in a moment.',
      code: 'database_unavailable',
    };
  }
  return { ...base(500), message: 'Something went wrong on our side. It has been logged.' };
}

function base(statusCode: number): ApiError {
  return { statusCode, error: reasonPhrases[statusCode] ?? 'Error', message: '' };
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Errors thrown by express's body parser carry a 4xx `status` and a `type`. */
function isBodyParserError(error: unknown): error is { status: number; type?: string } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
