import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from './support/test-app.js';

describe('GraphQL endpoint', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('answers a public query without a session', async () => {
    const data = await app.query<{ health: { status: string } }>('{ health { status } }');
    expect(data.health.status).toBe('ok');
  });

  it('reports unknown fields as a validation error, not a server error', async () => {
    const response = await app.request('{ nothingHere }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ health { status } }' }, { query: '{ health { status } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ health { status } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Cross-Site Request Forgery');
  });

  it('refuses a query deeper than the limit and one with too many aliases', async () => {
    const deep = `{ ${'__schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }'} }`;
    const tooDeep = await app.request(deep);
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth limit of 10/);
    const aliases = Array.from({ length: 31 }, (_, index) => `a${index}: health { status }`).join(' ');
    const tooMany = await app.request(`{ ${aliases} }`);
    expect(tooMany.errors?.[0]?.message).toMatch(/Aliases limit of 30/);
  });
});
