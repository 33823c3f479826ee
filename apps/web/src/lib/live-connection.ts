import { useSyncExternalStore } from 'react';

type Listener = () => void;

let connected = false;
const listeners = new Set<Listener>();

/** Whether the live-update socket is acknowledged by the server; the graphql-ws client reports it here. */
export const liveConnection = {
  set(value: boolean): void {
    if (connected === value) return;
    connected = value;
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  isConnected: (): boolean => connected,
};

export function useLiveConnected(): boolean {
  return useSyncExternalStore(liveConnection.subscribe, liveConnection.isConnected);
}
