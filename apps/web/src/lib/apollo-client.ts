import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { OperationTypeNode } from 'graphql';
import { isSignInRequired } from './graphql-errors';
import { liveConnection } from './live-connection';
import { sessionCloseCodes, sessionEnds } from './session-end';

/** Same-origin API: the session is the httpOnly cookie the API sets on sign-in; the socket sends it too. */
export function createApolloClient(): ApolloClient {
  const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  const wsLink = new GraphQLWsLink(
    createClient({
      url: wsUrl,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      on: {
        connected: () => liveConnection.set(true),
        closed: (event) => {
          liveConnection.set(false);
          if (sessionCloseCodes.includes((event as CloseEvent).code)) sessionEnds.report();
        },
      },
    }),
  );
  const sessionEndLink = new ErrorLink(({ error }) => {
    if (isSignInRequired(error)) sessionEnds.report();
  });
  const transportLink = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    wsLink,
    httpLink,
  );
  const link = sessionEndLink.concat(transportLink);
  return new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: {} },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
