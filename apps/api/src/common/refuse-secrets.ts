import { secretAdvice, secretKindsIn, type SecretKind } from '#secrets';
import { AppError, FieldProblem } from './app-error.js';

/**
 * Refuses text that holds a secret (setup key, otpauth link, Secret Key, recovery codes, a recovery code or password
 * named as one, pasted image) before anything is stored: BAD_USER_INPUT whose `reason` is the first kind found.
 * Messages say what and why, never the secret itself, so neither the client nor a log ever sees it again.
 */
export function refuseSecrets(fields: Record<string, string | null | undefined>): void {
  const problems: FieldProblem[] = [];
  const kinds: SecretKind[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const found = secretKindsIn(value);
    if (found.length === 0) continue;
    kinds.push(...found);
    const advice = secretAdvice[found[0]];
    problems.push({ field, message: `Not posted: the ${field} contains ${advice.what}. ${advice.advice}` });
  }
  if (problems.length === 0) return;
  throw new AppError(kinds[0], problems.map((problem) => problem.message).join(' '), { fields: problems });
}
