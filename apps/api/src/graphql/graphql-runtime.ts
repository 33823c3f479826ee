import { createRequire } from 'node:module';
import type * as GraphqlModule from 'graphql';

/**
 * The copy of graphql that NestJS builds the schema with, and graphql-ws checks errors against: the CommonJS build,
 * which Node also gives to `import`. Test runners that prefer the package's ESM build would hand us a second copy,
 * whose classes (GraphQLError, the schema's types) the other copy's `instanceof` checks refuse. Whatever works on the
 * schema's types, or makes errors or directives for it, takes graphql from here.
 */
export const graphqlRuntime = createRequire(import.meta.url)('graphql') as typeof GraphqlModule;
