import { ValidationPipe, type ValidationError } from '@nestjs/common';

/** An input that breaks a class-validator rule: names the field (dotted path) and the rule. */
export class InputValidationError extends Error {
  readonly code = 'INVALID_INPUT';

  constructor(
    message: string,
    readonly field: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'InputValidationError';
  }
}

function firstViolation(errors: ValidationError[], prefix = ''): { field: string; rules: Record<string, string> } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length > 0) return { field, rules: error.constraints };
    const nested = firstViolation(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** class-validator on every input; unknown properties are refused, not silently dropped. */
export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const violation = firstViolation(errors);
      if (!violation) return new InputValidationError('the input is not valid', 'input', {});
      const messages = Object.values(violation.rules);
      return new InputValidationError(`${violation.field}: ${messages.join('; ')}`, violation.field, {
        rules: Object.keys(violation.rules),
      });
    },
  });
}
