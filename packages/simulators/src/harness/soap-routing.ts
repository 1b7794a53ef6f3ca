import type { ServerResponse } from 'node:http';
import type * as soap from 'soap';

/**
 * What a simulator's SOAP endpoint answers before node-soap sees a request, as a real supplier's
 * would: a SOAP 1.1 Client fault for a request it cannot serve (an empty Body, an operation it does
 * not have, an oversized body), never a stack trace; and the operation found from the Body's element
 * when the SOAPAction is missing or unknown (SOAPAction is only a hint in SOAP 1.1).
 */
export const MAX_SOAP_REQUEST_BYTES = 1024 * 1024;

export interface SoapRoutes {
  /** Operation name by its SOAPAction, and by the element its request Body holds. */
  byAction: Map<string, string>;
  byElement: Map<string, string>;
  actionOf: Map<string, string>;
}

interface WsdlBinding {
  methods: Record<string, { soapAction?: string }>;
  topElements?: Record<string, { methodName: string }>;
}

/** The operations of the WSDL node-soap parsed. */
export function soapRoutes(server: soap.Server): SoapRoutes {
  const routes: SoapRoutes = { byAction: new Map(), byElement: new Map(), actionOf: new Map() };
  const definitions = (
    server as unknown as {
      wsdl: { definitions: { services: Record<string, { ports: Record<string, { binding: WsdlBinding }> }> } };
    }
  ).wsdl.definitions;
  for (const service of Object.values(definitions.services))
    for (const port of Object.values(service.ports)) {
      const { methods, topElements = {} } = port.binding;
      for (const [name, method] of Object.entries(methods)) {
        if (method.soapAction) {
          routes.byAction.set(method.soapAction, name);
          routes.actionOf.set(name, method.soapAction);
        }
        routes.byAction.set(name, name);
      }
      for (const [element, { methodName }] of Object.entries(topElements)) routes.byElement.set(element, methodName);
    }
  return routes;
}

/** The local name of the first element inside the SOAP Body, or undefined for an empty or missing Body. */
export function bodyElementOf(xml: string): string | undefined {
  const body = /<(?:[\w.-]+:)?Body\b[^>]*?(\/?)>/.exec(xml);
  if (!body || body[1] === '/') return undefined;
  const rest = xml.slice(body.index + body[0].length);
  const first = /^(?:\s|<!--[\s\S]*?-->)*<(?:[\w.-]+:)?([\w.-]+)/.exec(rest);
  return first && !rest.trimStart().startsWith('</') ? first[1] : undefined;
}

export type SoapRouting = { operation: string; soapAction: string } | { fault: string };

export function routeSoapRequest(routes: SoapRoutes, soapActionHeader: string, xml: string): SoapRouting {
  const element = bodyElementOf(xml);
  if (!element) return { fault: 'the SOAP Body is empty or missing' };
  const action = soapActionHeader.replace(/^"|"$/g, '');
  const byElement = routes.byElement.get(element);
  const byAction = routes.byAction.get(action) ?? routes.byAction.get(action.split(/[/#]/).pop() ?? '');
  const operation = byElement ?? (routes.byElement.size === 0 ? byAction : undefined);
  if (!operation) return { fault: `no operation here takes ${element}` };
  return { operation, soapAction: routes.actionOf.get(operation) ?? operation };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A SOAP 1.1 fault, as the SOAP 1.1 HTTP binding sends it (500 unless told otherwise). */
export function sendSoapFault(res: ServerResponse, faultcode: 'Client' | 'Server', faultstring: string, status = 500): void {
  const body =
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
    `<faultcode>soap:${faultcode}</faultcode><faultstring>${escape(faultstring)}</faultstring>` +
    '</soap:Fault></soap:Body></soap:Envelope>';
  sendXml(res, status, body);
}

/**
 * Holds node-soap's answer until it is complete and hands it to `rewrite`, which sends it (as it
 * was, or changed). node-soap writes the status in `res.statusCode` or `writeHead`, then the body.
 */
export function rewriteResponse(res: ServerResponse, rewrite: (body: string, status: number) => void): void {
  const chunks: Buffer[] = [];
  const originalWrite = res.write.bind(res);
  const originalEnd = res.end.bind(res);
  const originalWriteHead = res.writeHead.bind(res);
  let status: number | undefined;
  res.writeHead = ((code: number) => {
    status = code;
    return res;
  }) as typeof res.writeHead;
  res.write = ((chunk: unknown) => {
    if (chunk) chunks.push(Buffer.from(chunk as string));
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string));
    res.write = originalWrite;
    res.end = originalEnd;
    res.writeHead = originalWriteHead;
    rewrite(Buffer.concat(chunks).toString('utf8'), status ?? res.statusCode);
    return res;
  }) as typeof res.end;
}

/** Sends an XML answer whole, with its length. */
export function sendXml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * node-soap answers an error in a service with its stack trace as plain text, or with a SOAP 1.2
 * shaped fault naming the error; this turns such an answer into a SOAP 1.1 Server fault that names
 * nothing of the simulator. Other answers pass as sent.
 */
export function faultInsteadOfPlainErrors(res: ServerResponse): void {
  rewriteResponse(res, (body, status) => {
    // A fault a service raised on purpose carries a SOAP 1.1 faultcode; anything else at 500 is
    // node-soap reporting an error of its own (a stack as text, or a SOAP 1.2 Reason naming it).
    if (status >= 500 && !body.includes('<faultcode>')) sendSoapFault(res, 'Server', 'the request could not be processed');
    else sendXml(res, status, body);
  });
}
