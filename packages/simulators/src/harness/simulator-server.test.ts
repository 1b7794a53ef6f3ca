import { controlDb } from '@himal/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSoap } from '@himal/gds/testing';
import { flushSupplierCalls } from '@himal/gds';
import { startSimulator, simulatorControl, type RunningSimulator } from './simulator-server.ts';

const WSDL = `<?xml version="1.0" encoding="UTF-8"?>
<definitions name="Echo" targetNamespace="urn:echo" xmlns="http://schemas.xmlsoap.org/wsdl/"
  xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:echo" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <types><xsd:schema targetNamespace="urn:echo" elementFormDefault="qualified">
    <xsd:element name="EchoRQ"><xsd:complexType><xsd:sequence><xsd:element name="Text" type="xsd:string"/></xsd:sequence></xsd:complexType></xsd:element>
    <xsd:element name="EchoRS"><xsd:complexType><xsd:sequence><xsd:element name="Text" type="xsd:string"/></xsd:sequence></xsd:complexType></xsd:element>
  </xsd:schema></types>
  <message name="EchoInput"><part name="body" element="tns:EchoRQ"/></message>
  <message name="EchoOutput"><part name="body" element="tns:EchoRS"/></message>
  <portType name="EchoPort"><operation name="Echo"><input message="tns:EchoInput"/><output message="tns:EchoOutput"/></operation></portType>
  <binding name="EchoBinding" type="tns:EchoPort"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Echo"><soap:operation soapAction="urn:echo/Echo"/><input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
  </binding>
  <service name="EchoService"><port name="EchoPort" binding="tns:EchoBinding"><soap:address location="http://localhost/soap"/></port></service>
</definitions>`;

describe('simulator harness', () => {
  let sim: RunningSimulator;
  const call = (text: string, timeoutMs = 2_000) =>
    callSoap({
      supplierId: 'echo',
      operation: 'echo',
      endpoint: sim.endpoint,
      soapAction: 'urn:echo/Echo',
      bodyXml: `<EchoRQ xmlns="urn:echo"><Text>${text}</Text></EchoRQ>`,
      timeoutMs,
    });

  beforeAll(async () => {
    sim = await startSimulator({
      id: 'echo',
      wsdl: WSDL,
      reset: () => undefined,
      services: () => ({
        EchoService: {
          EchoPort: {
            Echo: (args: { Text: string }) => {
              if (args.Text === 'crash') throw new TypeError('a bug in a simulator');
              if (args.Text === 'stranger') {
                throw {
                  Fault: { faultcode: 'wsse:FailedAuthentication', faultstring: 'The security token could not be authenticated' },
                };
              }
              return { _xml: `<EchoRS xmlns="urn:echo"><Text>${args.Text.toUpperCase()}</Text></EchoRS>` };
            },
          },
        },
      }),
    });
  });
  afterAll(async () => {
    await sim.close();
    await flushSupplierCalls();
  });

  it('answers SOAP with the XML the service wrote', async () => {
    const result = await call('namaste');
    expect(result.body).toEqual({ EchoRS: { Text: 'NAMASTE' } });
  });

  it.each([
    [{ kind: 'http-status', status: 503 }, 'SUPPLIER_UNAVAILABLE'],
    [{ kind: 'http-status', status: 429 }, 'SUPPLIER_RATE_LIMITED'],
    [{ kind: 'timeout' }, 'SUPPLIER_TIMEOUT'],
    [{ kind: 'truncated' }, 'SUPPLIER_BAD_RESPONSE'],
    [{ kind: 'malformed' }, 'SUPPLIER_BAD_RESPONSE'],
    [{ kind: 'unsafe-xml' }, 'SUPPLIER_UNSAFE_XML'],
  ] as const)('injects %j as %s, once', async (fault, code) => {
    await simulatorControl.addFault(sim.url, { operation: 'Echo', times: 1, ...fault });
    await expect(call('hello', 500)).rejects.toMatchObject({ code, supplierId: 'echo' });
    expect((await call('again')).body).toMatchObject({ EchoRS: { Text: 'AGAIN' } });
  });

  it('answers with the headers a session layer writes before the operation runs', async () => {
    const seen: string[] = [];
    const withHeaders = await startSimulator({
      id: 'echo-session',
      wsdl: WSDL,
      reset: () => undefined,
      responseHeaders: () => (operation, req) => {
        seen.push(operation);
        return `<Session xmlns="urn:echo"><Id>${req.headers['x-session'] ?? 'new'}</Id></Session>`;
      },
      services: () => ({
        EchoService: { EchoPort: { Echo: () => ({ _xml: '<EchoRS xmlns="urn:echo"><Text>ok</Text></EchoRS>' }) } },
      }),
    });
    try {
      const result = await callSoap({
        supplierId: 'echo',
        operation: 'echo',
        endpoint: withHeaders.endpoint,
        soapAction: 'urn:echo/Echo',
        bodyXml: '<EchoRQ xmlns="urn:echo"><Text>x</Text></EchoRQ>',
      });
      expect(result.header).toEqual({ Session: { Id: 'new' } });
      expect(seen).toEqual(['Echo']);
    } finally {
      await withHeaders.close();
    }
  });

  it('types a WS-Security refusal as an authentication failure, and records it so', async () => {
    await expect(call('stranger')).rejects.toMatchObject({
      code: 'SUPPLIER_AUTH_FAILED',
      retryable: false,
      supplierCode: 'wsse:FailedAuthentication',
    });
    await flushSupplierCalls();
    const recorded = await controlDb().supplierCall.findFirst({ where: { supplierId: 'echo' }, orderBy: { id: 'desc' } });
    expect(recorded).toMatchObject({
      operation: 'echo',
      outcome: 'SUPPLIER_AUTH_FAILED',
      supplierCode: 'wsse:FailedAuthentication',
    });
  });

  it('adds latency on demand', async () => {
    await simulatorControl.addFault(sim.url, { operation: '*', kind: 'latency', delayMs: 300, times: 1 });
    const started = performance.now();
    await call('slow');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  describe('requests a supplier would refuse', () => {
    const envelope = (body: string) =>
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`;
    const post = async (soapAction: string | undefined, body: string) => {
      const response = await fetch(sim.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'text/xml', ...(soapAction === undefined ? {} : { soapaction: soapAction }) },
        body,
      });
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    };
    const clientFault = (answer: { status: number; type: string | null; text: string }, what: RegExp) => {
      expect(answer.status).toBe(500);
      expect(answer.type).toContain('text/xml');
      expect(answer.text).toContain('<faultcode>soap:Client</faultcode>');
      expect(answer.text).toMatch(what);
      expect(answer.text).not.toMatch(/\bat \S+:\d+|node_modules|\.ts:/);
    };

    it('answer an operation they do not serve with a Client fault, not a stack trace', async () => {
      clientFault(await post('"urn:echo/Ping"', envelope('<PingRQ xmlns="urn:echo"/>')), /no operation here takes PingRQ/);
    });

    it('answer an empty Body, or no envelope at all, with a Client fault', async () => {
      clientFault(await post('"urn:echo/Echo"', envelope('')), /Body is empty/);
      clientFault(await post('"urn:echo/Echo"', ''), /Body is empty/);
    });

    it("route by the Body's element when the SOAPAction is unknown or missing", async () => {
      for (const action of ['"urn:echo/Whatever"', '""', undefined]) {
        const answer = await post(action, envelope('<EchoRQ xmlns="urn:echo"><Text>by body</Text></EchoRQ>'));
        expect(answer.status, String(action)).toBe(200);
        expect(answer.text).toContain('BY BODY');
      }
    });

    it('refuse a body over 1 MiB without reading it all', async () => {
      const answer = await post(
        '"urn:echo/Echo"',
        envelope(`<EchoRQ xmlns="urn:echo"><Text>${'x'.repeat(1_100_000)}</Text></EchoRQ>`),
      );
      expect(answer.status).toBe(413);
      expect(answer.text).toContain('<faultcode>soap:Client</faultcode>');
    });

    it("answer a simulator's own failure with a Server fault that names none of its files", async () => {
      const answer = await post('"urn:echo/Echo"', envelope('<EchoRQ xmlns="urn:echo"><Text>crash</Text></EchoRQ>'));
      expect(answer.status).toBe(500);
      expect(answer.text).toContain('<faultcode>soap:Server</faultcode>');
      expect(answer.text).not.toMatch(/TypeError|\.ts:|node_modules/);
    });
  });
});
