import { readFileSync } from 'node:fs';
import { xmllintComplaints } from '@himal/gds/testing';

/**
 * roomrack's contract: its WSDL, whose embedded XML Schema defines every message in both
 * directions. Tests validate messages against that schema with xmllint, as for OpenTravel.
 */
export const ROOMRACK_WSDL = readFileSync(new URL('./roomrack.wsdl', import.meta.url), 'utf8');

function schemaDocument(): string {
  const schema = /<xsd:schema[\s\S]*<\/xsd:schema>/.exec(ROOMRACK_WSDL)?.[0];
  if (!schema) throw new Error('roomrack.wsdl has no schema');
  // The xsd prefix is declared on the WSDL's root; the schema on its own needs it too.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${schema.replace('<xsd:schema ', '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" ')}`;
}

/** xmllint's complaints about one roomrack message (the element inside the SOAP body); [] = valid. */
export function validateRoomrackMessage(xml: string): Promise<string[]> {
  return xmllintComplaints(xml, { text: schemaDocument() });
}
