import { useEffect, useId } from 'react';
import { fieldErrorsOf } from './graphql-errors';

/**
 * Moves the focus to the first field, in the order of `fieldIds`, that `invalid` has a message for: after a refused
 * submit, to what needs fixing rather than leaving it on the button pressed, below the errors.
 */
export function focusFirstInvalid(invalid: Partial<Record<string, string>>, fieldIds: Record<string, string>): void {
  const first = Object.keys(fieldIds).find((field) => invalid[field]);
  if (first) document.getElementById(fieldIds[first])?.focus();
}

/**
 * The ids of a form's `fields` (named as the API names them, in the order of the form), unique on the page. Each time
 * the form's `error` changes, the first field it refuses takes the focus (focusFirstInvalid).
 */
export function useFocusFirstInvalid<Field extends string>(error: unknown, fields: readonly Field[]): Record<Field, string> {
  const formId = useId();
  const fieldIds = Object.fromEntries(fields.map((field) => [field, `${formId}${field}`])) as Record<Field, string>;
  const order = fields.join();
  // fieldIds is a new object on every render, with the same ids as long as formId and order are.
  useEffect(() => focusFirstInvalid(fieldErrorsOf(error), fieldIds), [error, formId, order]);
  return fieldIds;
}
