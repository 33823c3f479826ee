import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * Feature boundaries. An API feature owns a folder of apps/api/src and its tables; another feature may use only its
 * public surface: its module, its services, its GraphQL models and inputs (models/, dto/), and the few plain files
 * named below. Never its entities, resolvers, mappers or helpers. Shared folders (common, config, database, events,
 * graphql, redis, rate-limit) are open to all. Web features (apps/web/src/features/*) never import each other.
 * `npm run check:boundaries` (scripts/feature-graph.ts) prints the whole graph and its folder cycles.
 */
const apiFeatures = [
  'auth',
  'bot',
  'canonical-answers',
  'demo',
  'health',
  'live',
  'markdown',
  'moderation',
  'notifications',
  'search',
  'threads',
  'two-factor',
  'users',
  'web-pages',
];
const apiPublicSurface = ['*.module.ts', '*.service.ts', 'models/*.ts', 'dto/*.ts'];
/**
 * Plain files a feature also offers: enums of the schema, rules over plain interfaces, events, shared codecs,
 * threads' query seam (thread-queries.ts: the joins other features' SQL may make to the threads and replies tables)
 * and threads' text normalisation (post-text.ts: canonical answers are trimmed and collapsed as posts are).
 */
const apiPublicExtras = {
  auth: ['session-token.ts'],
  'canonical-answers': ['example-source.ts', 'knowledge-base-changes.ts'],
  live: ['live-pubsub.ts', 'socket-context.ts'],
  threads: ['thread-status.ts', 'visibility.ts', 'thread-queries.ts', 'post-text.ts'],
  users: ['password-hasher.ts'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'apps/web/src/gql/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['apps/api/src/**/*.ts', 'apps/web/src/**/*.{ts,tsx}'],
    // Unit specs set up rows in whichever tables the unit reads, as the e2e suites in test/ do.
    ignores: ['**/*.spec.ts', '**/*.spec.tsx'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: ['tsconfig.json', 'apps/web/tsconfig.json'], noWarnOnMultipleProjects: true } },
      'boundaries/elements': [
        { type: 'api-feature', pattern: `apps/api/src/(${apiFeatures.join('|')})`, capture: ['feature'] },
        { type: 'web-feature', pattern: 'apps/web/src/features/*', capture: ['feature'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { types: 'api-feature' } },
              disallow: { to: { element: { types: 'api-feature' } } },
              message: "Another API feature's internals: use its module, services, models/ or dto/ (never its entities).",
            },
            {
              from: { element: { types: 'api-feature' } },
              allow: { to: { element: { types: 'api-feature', fileInternalPath: apiPublicSurface } } },
            },
            ...Object.entries(apiPublicExtras).map(([feature, files]) => ({
              from: { element: { types: 'api-feature' } },
              allow: { to: { element: { types: 'api-feature', captured: { feature }, fileInternalPath: files } } },
            })),
            {
              from: { element: { types: 'web-feature' } },
              disallow: { to: { element: { types: 'web-feature' } } },
              message: 'Web features never import each other: move what both need to components/ or lib/.',
            },
            // Within one feature everything is open.
            { allow: { dependency: { relationship: { to: 'internal' } } } },
          ],
        },
      ],
    },
  },
);
