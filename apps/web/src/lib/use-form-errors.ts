import { useEffect, useId } from 'react';
import { focusFirstInvalid } from './focus-first-invalid';
import { fieldErrorsOf, formErrorOf } from './graphql-errors';

export interface FormErrors<Field extends string> {
  /** The id of each field shown, unique on the page. */
  fieldIds: Record<Field, string>;
  /** The message to show under each field (fieldErrorsOf). */
  fieldErrors: Partial<Record<Field, string>>;
  /** What to show above the fields (formErrorOf), or null. */
  formError: unknown;
}

/**
 * How a form shows its last `error`, for the `fields` it shows now (named as the API names them, in the order of the
 * form; `labels` name them in messages as the form does): under each field its messages, above them the rest. Each time
 * `error` changes, the first field shown that it refuses takes the focus (focusFirstInvalid).
 */
export function useFormErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  labels: Partial<Record<Field, string>> = {},
): FormErrors<Field> {
  const formId = useId();
  const fieldIds = Object.fromEntries(fields.map((field) => [field, `${formId}${field}`])) as Record<Field, string>;
  const fieldErrors = fieldErrorsOf(error, labels) as Partial<Record<Field, string>>;
  // Only a new error moves the focus: showing other fields (another way to turn two-factor sign-in off) does not.
  useEffect(() => focusFirstInvalid(fieldErrors, fieldIds), [error]);
  return { fieldIds, fieldErrors, formError: formErrorOf(error, fields) };
}
