import { ReportQueryError } from '@calltrail/reports';
import { InputValidationError } from '../errors/input-validation';

/** A report's own refusal of an argument reaches the client as bad input naming the field. */
export async function asReportInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReportQueryError) throw new InputValidationError(error.message, error.field, { rules: [error.code] });
    throw error;
  }
}
