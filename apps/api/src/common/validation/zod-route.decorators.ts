import { Body, Param, Query, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { apiErrorSchema, uuidParamSchema } from '@cutroom/contracts';
import { z, type ZodType } from 'zod';
import { ZodPipe } from './zod.pipe.js';

type OpenApiSchema = Record<string, unknown>;

/** The OpenAPI form of a contract schema, so /api/docs-json describes exactly what is validated. */
export function openApiSchema(schema: ZodType, io: 'input' | 'output' = 'output'): OpenApiSchema {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as OpenApiSchema;
}

/** The request body, validated by `schema` and documented from it. */
export function ZodBody<T>(schema: ZodType<T>): ParameterDecorator {
  return Body(new ZodPipe(schema, 'body'));
}

/** Documents the body of a route whose handler uses `@ZodBody(schema)`. */
export function ApiZodBody(schema: ZodType): MethodDecorator {
  return ApiBody({ schema: openApiSchema(schema, 'input') as never });
}

/** A UUID path parameter; anything else is a 400 with a field message. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(name, new ZodPipe(uuidParamSchema, `path parameter "${name}"`));
}

export function ApiUuidParam(name: string): MethodDecorator {
  return ApiParam({ name, format: 'uuid', type: 'string' });
}

/** Documents a success response with its contract schema, plus the error shape for the listed statuses. */
export function ApiZodResponse(
  status: number,
  schema: ZodType | null,
  errors: number[] = [],
): MethodDecorator {
  const error = openApiSchema(apiErrorSchema);
  return applyDecorators(
    schema
      ? ApiResponse({ status, schema: openApiSchema(schema) as never })
      : ApiResponse({ status, description: 'No content' }),
    ...errors.map((code) => ApiResponse({ status: code, schema: error as never })),
  );
}

/** The whole query string, validated by `schema`. */
export function ZodQuery<T>(schema: ZodType<T>): ParameterDecorator {
  return Query(new ZodPipe(schema, 'query'));
}

/** Documents each property of an object schema as a query parameter. */
export function ApiZodQuery(schema: ZodType): MethodDecorator {
  const json = openApiSchema(schema, 'input') as { properties?: Record<string, Record<string, unknown>> };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: false, schema: property as never }),
    ),
  );
}

/** Documents a file answer (200 with these content types), plus the error shape for the listed statuses. */
export function ApiFileResponse(
  contentType: string,
  description: string,
  errors: number[] = [],
): MethodDecorator {
  const error = openApiSchema(apiErrorSchema);
  return applyDecorators(
    ApiResponse({ status: 200, description, content: { [contentType]: { schema: { type: 'string' } } } }),
    ...errors.map((code) => ApiResponse({ status: code, schema: error as never })),
  );
}
