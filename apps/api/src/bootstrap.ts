import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { ConsoleLogger, Logger, LogLevel } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { matchWebPage } from '#web-pages';
import { AppModule } from './app.module.js';
import { GraphqlExceptionFilter } from './common/graphql-exception.filter.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { graphqlRequestBody } from './graphql/request-body.js';
import { graphqlPath } from './live/graphql-socket-server.js';
import { Environment } from './config/environment.js';
import { prepareSqliteFolder } from './database/data-source-options.js';
import { waitForDatabase } from './database/database-reachability.js';
import { robotsTxt } from './robots-txt.js';
import { WebPagesService } from './web-pages/web-pages.service.js';

/** Nest's console logger; colour only on a terminal (log files and pipes get plain text), never with NO_COLOR. */
export function createLogger(environment: Environment, logLevels?: LogLevel[]): ConsoleLogger {
  return new ConsoleLogger({
    logLevels: logLevels ?? (environment.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn']),
    colors: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  });
}

/** Builds the whole API (and the web app's static files) without listening, for main.ts and the tests alike. */
export async function createApp(environment: Environment): Promise<NestExpressApplication> {
  prepareSqliteFolder(environment);
  const logger = createLogger(environment);
  await waitForDatabase(environment, { attempts: 10, delaySeconds: 3, logger });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(environment), { logger, bodyParser: false });
  limitSlowClients(app.getHttpServer() as Server, environment);
  app.set('trust proxy', environment.trustProxy);
  app.disable('x-powered-by');
  // res.send would hash every body for an ETag, and no API answer is stored to be revalidated (they are no-store). A
  // function rather than `false`, which would take theirs from the files and the app's shell (sendFile) too.
  app.set('etag', () => undefined);
  app.use(securityHeaders());
  app.use(cookieParser());
  app.use(graphqlPath, ...graphqlRequestBody());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GraphqlExceptionFilter());
  serveWebApp(app, environment);
  return app;
}

/** The server could not listen where PORT and HOST say: said in one line naming the setting to change, without a stack trace. */
export class ListenError extends Error {}

/** Why the server could not listen, for the errors an operator can fix in PORT or HOST, and which setting to change. */
const listenProblems: Record<string, { settings: string; problem: string }> = {
  EADDRINUSE: { settings: 'PORT, HOST', problem: 'it is already in use (another server, or another instance of this one?)' },
  EACCES: { settings: 'PORT, HOST', problem: 'it needs privileges this process has not (ports below 1024)' },
  EADDRNOTAVAIL: { settings: 'PORT, HOST', problem: 'it is not an address of this machine' },
  ENOTFOUND: { settings: 'HOST', problem: 'the name does not resolve (a typo, or a name missing from DNS and /etc/hosts?)' },
  EAI_AGAIN: { settings: 'HOST', problem: 'the name could not be resolved just now (is DNS reachable? an IP address needs none)' },
};

/**
 * Starts a built app (createApp) and its HTTP server on `port` and `host`; resolves with where it really listens. Not
 * Nest's app.listen, which logs a failure in a line of its own before it rethrows it: a failure an operator can fix
 * here is thrown as one ListenError, which main.ts prints alone.
 */
export async function listen(app: NestExpressApplication, port: number, host: string): Promise<AddressInfo> {
  await app.init();
  const server = app.getHttpServer() as Server;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      const known = listenProblems[error.code ?? ''];
      reject(known ? new ListenError(`${known.settings}: cannot listen on ${host} port ${port}: ${known.problem} (${error.code})`) : error);
    };
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  // What app.listen tells the application once it listens.
  app.get(HttpAdapterHost).listening = true;
  return server.address() as AddressInfo;
}

/**
 * Node's HTTP timeouts from the environment, set before the server listens: a client that trickles its headers or body
 * holds a socket seconds, not minutes. Node checks the first two at an interval (30 s by default, which a client would
 * get on top); once a second is a walk over the connections still sending a request. A WebSocket leaves those when it
 * is upgraded, so neither timeout ends a subscription.
 */
function limitSlowClients(server: Server, environment: Environment): void {
  server.headersTimeout = environment.HTTP_HEADERS_TIMEOUT_SECONDS * 1000;
  server.requestTimeout = environment.HTTP_REQUEST_TIMEOUT_SECONDS * 1000;
  server.keepAliveTimeout = environment.HTTP_KEEPALIVE_TIMEOUT_SECONDS * 1000;
  // Read when the server starts listening; @types/node declares it only as an option of createServer.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1000;
}

/**
 * helmet's headers with a strict Content-Security-Policy: scripts only from our own origin (the Vite
 * build has no inline script), no framing, images only from our own origin and data: (the favicon, the
 * two-factor QR code; posts link images rather than show them, so no page fetches one from another host),
 * connections to our own origin (GraphQL over HTTP and WebSocket).
 */
function securityHeaders(): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

function serveWebApp(app: NestExpressApplication, environment: Environment): void {
  if (!environment.WEB_DIST_PATH) return;
  const root = resolve(environment.WEB_DIST_PATH);
  const indexFile = resolve(root, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebApp').warn(
      `WEB_DIST_PATH: no ${indexFile}, so only the API is served (build the web app with npm run build:web, or set WEB_DIST_PATH empty for the API alone)`,
    );
    return;
  }
  // Source maps stay on the server: they would publish the app's source.
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) =>
    request.path.endsWith('.map') ? response.status(404).end() : next(),
  );
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) =>
    request.path === '/robots.txt' && isGetOrHead(request)
      ? response.type('text/plain').set('Cache-Control', 'public, max-age=3600').send(robotsTxt)
      : next(),
  );
  app.use(express.static(root, { index: false, maxAge: '1h' }));
  // Client-side routes: any other GET that is neither the API nor a file gets the app's shell, and a HEAD its headers (as
  // the static files answer both), which uptime and link checkers ask for. A path that is none of the app's pages, or a
  // page whose thread, member or answer is not there for this viewer, gets it with 404: the app shows its "not found",
  // and crawlers, link checkers and link previews are told so too. A member gets a staff page with 403.
  const pages = app.get(WebPagesService);
  app.use(async (request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (!isGetOrHead(request) || request.path.startsWith('/graphql') || !request.accepts('html')) return next();
    if (asksForFile(request)) return next();
    const status = await navigationStatus(request, pages);
    // The status is this viewer's (a hidden thread is there for staff and its author only), and Accept decides whether a
    // path gets the shell at all: no shared cache keeps it, and the browser asks again each time (mostly a 304).
    response.vary(shellSelectedBy).set('Cache-Control', 'private, no-cache');
    if (status === 200) return response.sendFile(indexFile, { cacheControl: false });
    // Whole: a range request gets no 206, a part of a page that is not there.
    response.status(status).sendFile(indexFile, { acceptRanges: false, cacheControl: false });
  });
}

/** The request headers the shell's answer depends on: the session's cookie or bearer token, and Accept. */
const shellSelectedBy = 'Accept, Authorization, Cookie';

/**
 * 200 for a page of the app with what its address names, 404 for a path no page has or a page without its thread,
 * member or answer, 403 for a member on a staff page; 503 when that could not be read (the app then shows its error
 * and a retry, and a crawler comes back rather than drop the page).
 */
async function navigationStatus(request: express.Request, pages: WebPagesService): Promise<200 | 403 | 404 | 503> {
  const page = matchWebPage(request.path);
  if (!page) return 404;
  try {
    return await pages.status(request, page);
  } catch (error) {
    new Logger('WebApp').error(`Could not read what ${request.path} shows: ${String(error)}`);
    return 503;
  }
}

function isGetOrHead(request: express.Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

/** Vite's build.assetsDir: the built scripts, styles and images, never a page. */
const webAssetsPath = '/assets/';
/**
 * A request for a file the static files did not have, which gets a 404, not the app's shell: browsers ask for scripts
 * and most other files accepting any type, so a page open from before a deploy got HTML for its old chunks (a MIME
 * error) instead of a failure it can tell. Anything under the assets is a file; elsewhere a file's name is, unless a
 * browser navigates there (Accept names text/html), as it does to a profile whose username has a dot in it.
 */
function asksForFile(request: express.Request): boolean {
  return request.path.startsWith(webAssetsPath) || (namesFile(request.path) && !request.accepts().includes('text/html'));
}

/**
 * Whether the path's last segment has a dot: a file's name (/favicon.ico, /sitemap.xml), or a username's (/u/j.doe).
 * (`/\.[^/]*$/` scanned on to the end from every dot: 0.3 s for a path of 16,000 dots.)
 */
function namesFile(path: string): boolean {
  return path.indexOf('.', path.lastIndexOf('/') + 1) >= 0;
}
