export { findSecrets, secretKindsIn, type SecretFinding } from './detector.js';
export { secretAdvice, SecretKind, secretKinds, type SecretAdvice } from './secret-kind.js';
export { findImpostorRequests, usernameImitation, usernameSkeleton, type ImpostorFinding, type UsernameImitation } from './impostor.js';
export { ImpostorCategory } from './impostor-rules.js';
