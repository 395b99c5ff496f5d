import type { FieldError } from '@cutroom/contracts';
import type { ZodError } from 'zod';
import { DomainException } from '../http/domain.exception.js';

/** A request body, parameter or query that does not fit its schema. */
export class ValidationException extends DomainException {
  constructor(
    readonly fields: FieldError[],
    where: string,
  ) {
    super('invalid', 'validation_failed', `The request ${where} is invalid: ${summarise(fields)}`);
  }

  static fromZod(error: ZodError, where: string): ValidationException {
    const fields = error.issues.flatMap((issue) => {
      const path = issue.path.map(String);
      // An unknown key is reported at the key itself, so a form can point at it.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'is not a known field' }));
      }
      return [{ path: path.join('.'), message: issue.message }];
    });
    return new ValidationException(fields, where);
  }
}

function summarise(fields: FieldError[]): string {
  return fields
    .slice(0, 3)
    .map((f) => (f.path ? `${f.path} ${f.message}` : f.message))
    .join('; ');
}
