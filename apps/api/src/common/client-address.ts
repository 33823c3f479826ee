import type { IncomingMessage } from 'node:http';
import proxyAddress from 'proxy-addr';

/** Express's compiled `trust proxy` setting (`app.get('trust proxy fn')`, from TRUST_PROXY): which peers may name the client. */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * The client's address: the peer's, or the one the trusted proxies forwarded in X-Forwarded-For. It is how Express
 * computes `req.ip` for HTTP requests (proxy-addr with the same compiled setting); WebSocket upgrades, which Express
 * never sees, take theirs here, so per-IP limits count one address for a client on both.
 */
export function clientAddress(request: IncomingMessage, trustProxy: TrustProxy): string {
  return proxyAddress(request, trustProxy);
}
