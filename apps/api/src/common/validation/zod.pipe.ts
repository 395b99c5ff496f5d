import type { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { ValidationException } from './validation.exception.js';

/** Parses a body, param or query with its contract schema; the parsed value replaces the raw one. */
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly schema: ZodType<T>,
    private readonly where: string,
  ) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw ValidationException.fromZod(parsed.error, this.where);
    return parsed.data;
  }
}
