import { Logger } from '@nestjs/common';
import { WebSocket } from 'ws';

type SendData = Parameters<WebSocket['send']>[0];
type SendOptions = Parameters<WebSocket['send']>[1];
type SendCallback = (error?: Error) => void;

const logger = new Logger('GraphqlSocketServer');

/**
 * The server's end of a GraphQL socket.
 *
 * A frame that breaks the protocol or the size limit is the client's fault: ws closes the socket with the code that
 * says so (1009, 1002...) and then emits the error, which graphql-ws would print with its stack as an internal error,
 * once per socket any client opens. Such errors end here, at debug level.
 *
 * A message that could not be sent because the socket is closing or closed (as
 * when keepalive drops a client that stopped reading, with messages still queued for it) is dropped with the socket,
 * whose close ends its subscriptions. Reported as a send error, graphql-ws would end the subscription on it as an
 * internal error, logged with its stack: once per message queued. A send that fails while the socket is open still
 * reports its error.
 */
export class ServerWebSocket extends WebSocket {
  private droppedMessages = false;

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'error' && isClientProtocolError(args[0])) {
      logger.debug(`Closed a socket whose client broke the protocol (${args[0].message})`);
      return true;
    }
    return super.emit(event, ...args);
  }

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

/** ws's errors for what a client sent (its codes are WS_ERR_*: a frame too large, a bad opcode, invalid UTF-8...). */
function isClientProtocolError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith('WS_ERR_');
}
