import { xmllintComplaints } from '@himal/gds/testing';
import { himalayanGdsSchema } from './wsdl.ts';

/**
 * Tests' proof that both sides speak the published dialect: validates one message (the element
 * inside the SOAP Body, or the Session header) against the WSDL's schema with xmllint.
 * Resolves with xmllint's complaints; [] means valid.
 */
export function validateHimalayanGdsMessage(xml: string): Promise<string[]> {
  return xmllintComplaints(xml, { text: himalayanGdsSchema() });
}

/** The first element inside a SOAP Body, as sent (with its namespace declaration). */
export function soapBodyContent(envelope: string): string {
  const match = /<(?:[A-Za-z]+:)?Body[^>]*>([\s\S]*)<\/(?:[A-Za-z]+:)?Body>/.exec(envelope);
  if (!match) throw new Error('no SOAP Body');
  return match[1]!;
}
