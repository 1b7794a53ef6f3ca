import { createServer, type Server } from 'node:http';
import next from 'next';
import { clientAddressOf, edgeRefusalResponse, refuseAtEdge } from './http-edge.ts';

export interface ServeNextAppOptions {
  /** The app's folder (where its .next build is). */
  dir: string;
  port: number;
  hostname?: string;
}

/**
 * Serves a built Next.js app from Node's own HTTP server, so that malformed requests are refused
 * (refuseAtEdge) before Next sees them, that the client's address is established once, and that
 * slow clients are cut off: headers must arrive
 * within 20 s and a whole request within 60 s (Node's defaults are 60 s and 5 minutes).
 */
export async function serveNextApp(options: ServeNextAppOptions): Promise<Server> {
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trustedProxyHops = Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0);
  const server = createServer({ headersTimeout: 20_000, requestTimeout: 60_000 }, (request, response) => {
    const refusal = refuseAtEdge(request);
    if (refusal) {
      const path = (request.url ?? '').startsWith('/') ? request.url! : new URL(request.url ?? '/', 'http://x').pathname;
      const answer = edgeRefusalResponse(refusal, path);
      response.writeHead(answer.status, {
        ...Object.fromEntries(answer.headers),
        'Content-Length': Buffer.byteLength(answer.body),
      });
      response.end(request.method === 'HEAD' ? undefined : answer.body);
      return;
    }
    // Everything behind this server reads the client's address from here (rate limits).
    request.headers['x-forwarded-for'] = clientAddressOf(
      request.headers['x-forwarded-for'],
      request.socket.remoteAddress,
      trustedProxyHops,
    );
    void handle(request, response);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, resolve);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server;
}
