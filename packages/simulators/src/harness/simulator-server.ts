import { createServer, Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';
import { FaultPlan, TRANSPORT_FAULTS, type FaultSpec } from './fault-plan.ts';
import {
  faultInsteadOfPlainErrors,
  rewriteResponse,
  sendXml,
  MAX_SOAP_REQUEST_BYTES,
  routeSoapRequest,
  sendSoapFault,
  soapRoutes,
  type SoapRoutes,
} from './soap-routing.ts';
import { SimulatorClock } from './simulator-clock.ts';

/**
 * A supplier simulator: a real SOAP server (node-soap, with a WSDL) behind a thin HTTP layer that
 * injects transport faults, plus a JSON control API for tests:
 *   POST   /_control/faults   FaultSpec            add a fault
 *   DELETE /_control/faults                        clear faults
 *   POST   /_control/clock    {"advanceMs": n}     move the simulator's clock
 *   POST   /_control/reset                         faults, clock and inventory back to the seed
 *   GET    /_control/state                         what the simulator wants to show (inventory, holds)
 * Service methods return `{ _xml: '<Body content/>' }` to control their XML exactly.
 */
export interface SimulatorContext {
  faults: FaultPlan;
  clock: SimulatorClock;
}

export interface SimulatorDefinition {
  id: string;
  /** The WSDL document; its soap:address is rewritten to where the simulator listens. */
  wsdl: string;
  /** node-soap services object: { Service: { Port: { Operation(args, cb, headers, req) } } }. */
  services: (context: SimulatorContext) => soap.IServices;
  /** Back to the seeded state (inventory, holds, sessions). */
  reset: () => void;
  state?: () => unknown;
  /** The operation a request is for, from its SOAPAction (default: the action's last path segment). */
  operationOf?: (soapAction: string) => string;
  /**
   * SOAP headers for every answer, for dialects that keep a session in the header. node-soap builds
   * them before it calls the operation, so this is a layer in front of the services: it sees the
   * operation and the request (requestXml) and returns the header XML ('' for none).
   */
  responseHeaders?: (context: SimulatorContext) => (operation: string, req: IncomingMessage) => string;
}

export interface RunningSimulator {
  id: string;
  /** Base URL, e.g. http://127.0.0.1:4101 */
  url: string;
  /** The SOAP endpoint, e.g. http://127.0.0.1:4101/soap */
  endpoint: string;
  context: SimulatorContext;
  close: () => Promise<void>;
}

export const SOAP_PATH = '/soap';

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) reject(new Error('control body too large'));
    });
    req.on('end', () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (error) {
        reject(error as Error);
      }
    });
    req.on('error', reject);
  });
}

/** The request body, or undefined once it passes `maxBytes` (the rest is not read). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The request's SOAP envelope as sent, for services that parse it with the platform's own safe XML
 * parser rather than node-soap's object mapping (node-soap passes `req` as a method's 4th argument).
 */
export function requestXml(req: IncomingMessage): string {
  const body = (req as IncomingMessage & { body?: Buffer }).body;
  return body ? body.toString('utf8') : '';
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** Mangles node-soap's answer as the fault asks before it leaves. */
function mangleResponse(res: ServerResponse, fault: FaultSpec): void {
  rewriteResponse(res, (answer, status) => {
    let body = answer;
    if (fault.kind === 'truncated') body = body.slice(0, Math.floor(body.length / 2));
    if (fault.kind === 'malformed') body = body.replace(/<\/soap:Body>|<\/[A-Za-z]+:Body>/, '</Broken>');
    if (fault.kind === 'unsafe-xml') {
      body = body.replace(
        /^(<\?xml[^>]*\?>)?/,
        (decl) => `${decl}<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>`,
      );
    }
    sendXml(res, status, body);
  });
}

export async function startSimulator(definition: SimulatorDefinition, port = 0, host = '127.0.0.1'): Promise<RunningSimulator> {
  const context: SimulatorContext = { faults: new FaultPlan(), clock: new SimulatorClock() };
  const operationOf = definition.operationOf ?? ((action: string) => action.replace(/"/g, '').split(/[/#]/).pop() ?? action);

  // node-soap listens on an http.Server that never binds; our own server decides what reaches it.
  const soapHost = new Server();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  const url = `http://${host}:${boundPort}`;
  let routes: SoapRoutes | undefined;
  const endpoint = `${url}${SOAP_PATH}`;
  const wsdl = definition.wsdl.replace(/(<soap:address\s+location=")[^"]*(")/, `$1${endpoint}$2`);
  await new Promise<void>((resolve, reject) => {
    soap.listen(soapHost, {
      path: SOAP_PATH,
      services: definition.services(context),
      xml: wsdl,
      callback: (error: unknown, soapServer: soap.Server) => {
        if (error) return reject(error as Error);
        routes = soapRoutes(soapServer);
        if (definition.responseHeaders) {
          const headersFor = definition.responseHeaders(context);
          soapServer.addSoapHeader((operation: string, _args: unknown, _headers: unknown, req: IncomingMessage) =>
            headersFor(operation, req),
          );
        }
        resolve();
      },
    });
  });
  const soapHandler = soapHost.listeners('request')[0] as (req: IncomingMessage, res: ServerResponse) => void;

  server.on('request', (req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (path?.startsWith('/_control/')) {
        const what = path.slice('/_control/'.length);
        if (what === 'faults' && req.method === 'POST') {
          context.faults.add((await readJson(req)) as FaultSpec);
          return json(res, 200, { faults: context.faults.list() });
        }
        if (what === 'faults' && req.method === 'DELETE') {
          context.faults.clear();
          return json(res, 200, { faults: [] });
        }
        if (what === 'clock' && req.method === 'POST') {
          const { advanceMs } = (await readJson(req)) as { advanceMs?: number };
          context.clock.advance(Number(advanceMs ?? 0));
          return json(res, 200, { now: context.clock.now().toISOString() });
        }
        if (what === 'reset' && req.method === 'POST') {
          context.faults.clear();
          context.clock.reset();
          definition.reset();
          return json(res, 200, { reset: true });
        }
        if (what === 'state' && req.method === 'GET') return json(res, 200, definition.state?.() ?? {});
        return json(res, 404, { error: 'unknown control call' });
      }

      if (req.method === 'POST' && path === SOAP_PATH) {
        const body = await readBody(req, MAX_SOAP_REQUEST_BYTES);
        if (!body) return sendSoapFault(res, 'Client', `the request is larger than ${MAX_SOAP_REQUEST_BYTES} bytes`, 413);
        const routing = routeSoapRequest(routes!, String(req.headers.soapaction ?? ''), body.toString('utf8'));
        if ('fault' in routing) return sendSoapFault(res, 'Client', routing.fault);
        // node-soap routes by SOAPAction when there is one: make it the operation the Body asks for.
        req.headers.soapaction = `"${routing.soapAction}"`;
        const operation = operationOf(routing.soapAction);
        const fault = context.faults.take(operation, TRANSPORT_FAULTS);
        if (fault?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1_000));
        if (fault?.kind === 'timeout') {
          const timer = setTimeout(() => res.destroy(), fault.delayMs ?? 120_000);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        if (fault?.kind === 'http-status') {
          const status = fault.status ?? 503;
          res.writeHead(status, {
            'content-type': 'text/plain',
            ...(status === 429 || status === 503 ? { 'retry-after': '1' } : {}),
          });
          return res.end(fault.message ?? (status === 429 ? 'Too Many Requests' : 'Service Unavailable'));
        }
        if (fault && ['truncated', 'malformed', 'unsafe-xml'].includes(fault.kind)) mangleResponse(res, fault);
        else faultInsteadOfPlainErrors(res);
        // node-soap accepts a body that is already read; services then see the exact request XML (requestXml).
        (req as IncomingMessage & { body?: Buffer }).body = body;
      }
      soapHandler(req, res);
    })().catch((error: Error) => {
      if (!res.headersSent) json(res, 500, { error: error.message });
      else res.destroy();
    });
  });

  return {
    id: definition.id,
    url,
    endpoint,
    context,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Test helpers: drive a running simulator's control API over HTTP, as any client would. */
export const simulatorControl = {
  async addFault(simulatorUrl: string, fault: FaultSpec): Promise<void> {
    const response = await fetch(`${simulatorUrl}/_control/faults`, { method: 'POST', body: JSON.stringify(fault) });
    if (!response.ok) throw new Error(`could not add fault: ${response.status}`);
  },
  async clearFaults(simulatorUrl: string): Promise<void> {
    await fetch(`${simulatorUrl}/_control/faults`, { method: 'DELETE' });
  },
  async advanceClock(simulatorUrl: string, advanceMs: number): Promise<void> {
    await fetch(`${simulatorUrl}/_control/clock`, { method: 'POST', body: JSON.stringify({ advanceMs }) });
  },
  async reset(simulatorUrl: string): Promise<void> {
    await fetch(`${simulatorUrl}/_control/reset`, { method: 'POST' });
  },
  async state<T>(simulatorUrl: string): Promise<T> {
    return (await (await fetch(`${simulatorUrl}/_control/state`)).json()) as T;
  },
};
