import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, ErrorCode, FieldProblem } from './app-error.js';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Validates every argument class; a violation is a BAD_USER_INPUT error naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new AppError(ErrorCode.BadUserInput, fields.map((problem) => problem.message).join('; '), { fields });
    },
  });
}
