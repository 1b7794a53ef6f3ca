import { asArray, parseXml, textOf, type ParseXmlOptions, type XmlNode } from './safe-xml.ts';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** A SOAP 1.1 envelope around body XML (and optional header XML), both already built and escaped. */
export function soapEnvelope(bodyXml: string, headerXml = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soap:Envelope xmlns:soap="${SOAP11_NS}">` +
    (headerXml ? `<soap:Header>${headerXml}</soap:Header>` : '') +
    `<soap:Body>${bodyXml}</soap:Body></soap:Envelope>`
  );
}

export interface SoapFault {
  faultCode: string;
  faultString: string;
  detail?: unknown;
}

export interface ParsedSoapResponse {
  header: XmlNode;
  body: XmlNode;
  fault?: SoapFault;
}

/** Parses an envelope (prefixes removed), returning its Header and Body and any Fault in the Body. */
export function parseSoapEnvelope(xml: string, options: ParseXmlOptions = {}): ParsedSoapResponse {
  const document = parseXml(xml, options);
  const envelope = document.Envelope as XmlNode | undefined;
  if (!envelope || typeof envelope !== 'object') throw new Error('not a SOAP envelope');
  const body = (envelope.Body ?? {}) as XmlNode;
  const header = (envelope.Header ?? {}) as XmlNode;
  const faultNode = body.Fault as XmlNode | undefined;
  const fault = faultNode
    ? {
        faultCode: textOf(faultNode.faultcode) ?? textOf(asArray(faultNode.Code)[0]) ?? 'Server',
        faultString: textOf(faultNode.faultstring) ?? textOf(faultNode.Reason) ?? 'SOAP fault',
        detail: faultNode.detail,
      }
    : undefined;
  return { header: typeof header === 'object' ? header : {}, body: typeof body === 'object' ? body : {}, fault };
}
