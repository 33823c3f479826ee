/**
 * Moves the focus to the first field, in the order of `fieldIds`, that `invalid` has a message for: after a refused
 * submit, to what needs fixing rather than leaving it on the button pressed, below the errors.
 */
export function focusFirstInvalid(invalid: Partial<Record<string, string>>, fieldIds: Record<string, string>): void {
  const first = Object.keys(fieldIds).find((field) => invalid[field]);
  if (first) document.getElementById(fieldIds[first])?.focus();
}
