export { findSecrets, secretKindsIn, type SecretFinding } from './detector.js';
export { secretAdvice, SecretKind, secretKinds, type SecretAdvice } from './secret-kind.js';
