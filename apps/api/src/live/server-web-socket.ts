import { Logger } from '@nestjs/common';
import { WebSocket } from 'ws';

type SendData = Parameters<WebSocket['send']>[0];
type SendOptions = Parameters<WebSocket['send']>[1];
type SendCallback = (error?: Error) => void;

const logger = new Logger('GraphqlSocketServer');

/**
 * The server's end of a GraphQL socket. A message that could not be sent because the socket is closing or closed (as
 * when keepalive drops a client that stopped reading, with messages still queued for it) is dropped with the socket,
 * whose close ends its subscriptions. Reported as a send error, graphql-ws would end the subscription on it as an
 * internal error, logged with its stack: once per message queued. A send that fails while the socket is open still
 * reports its error.
 */
export class ServerWebSocket extends WebSocket {
  private droppedMessages = false;

  override send(data: SendData, callback?: SendCallback): void;
  override send(data: SendData, options: SendOptions, callback?: SendCallback): void;
  override send(data: SendData, optionsOrCallback?: SendOptions | SendCallback, callback?: SendCallback): void {
    const [options, sent] = typeof optionsOrCallback === 'function' ? [{}, optionsOrCallback] : [optionsOrCallback ?? {}, callback];
    super.send(data, options, (error) => {
      if (!error || this.readyState === WebSocket.OPEN) return sent?.(error);
      if (!this.droppedMessages) logger.debug(`A closing socket dropped the messages queued for it (${error.message})`);
      this.droppedMessages = true;
      sent?.();
    });
  }
}
