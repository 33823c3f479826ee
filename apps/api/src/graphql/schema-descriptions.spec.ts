/// <reference types="vite/client" />
import { createRequire } from 'node:module';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { undescribedSchemaElements } from './schema-descriptions.js';

/** The API's schema built from its code, as schema.gql is: every resolver class of apps/api/src. */
async function apiSchema() {
  const resolverFiles = import.meta.glob<Record<string, unknown>>('../**/*.resolver.ts', { eager: true });
  const resolvers = Object.values(resolverFiles).flatMap((exports) =>
    Object.values(exports).filter((value): value is (...args: never[]) => unknown => typeof value === 'function'),
  );
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(resolvers);
    // Nest builds it with graphql's CommonJS build; read it back as SDL, as schema.gql is written.
    const { printSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
    return buildSchema(printSchema(schema));
  } finally {
    await app.close();
  }
}

describe('undescribedSchemaElements', () => {
  it('names every undescribed type, field, argument, input field and enum value', () => {
    const sut = buildSchema(`
      type Query {
        """Described."""
        thread("""Described.""" id: ID!, after: String): Thread
        count: Int!
      }
      type Thread { """Described.""" id: ID! }
      """Described."""
      input NewThread { title: String! }
      """Described."""
      enum Status { """Described.""" OPEN CLOSED }
      type Mutation { """Described.""" ask("""Described.""" input: NewThread!): Thread }
    `);

    expect(undescribedSchemaElements(sut).sort()).toEqual([
      'NewThread.title',
      'Query.count',
      'Query.thread(after)',
      'Status.CLOSED',
      'Thread',
    ]);
  });

  it('finds nothing undescribed in the API schema', async () => {
    const sut = await apiSchema();

    expect(undescribedSchemaElements(sut)).toEqual([]);
  });
});
