import { readFileSync } from 'node:fs';

/** The supplier's message namespace (message version 2026). */
export const HIMALAYAN_GDS_NS = 'urn:himalayan-gds:2026';

/** The service description node-soap serves (`?wsdl`); its schema defines every message. */
export const HIMALAYAN_GDS_WSDL = readFileSync(new URL('./himalayan-gds.wsdl', import.meta.url), 'utf8');

/** The message schema inside the WSDL, on its own, to validate messages against it. */
export function himalayanGdsSchema(): string {
  const schema = /<xsd:schema[\s\S]*<\/xsd:schema>/.exec(HIMALAYAN_GDS_WSDL)?.[0];
  if (!schema) throw new Error('himalayan-gds.wsdl has no schema');
  return schema;
}
