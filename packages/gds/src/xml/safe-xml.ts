import { XMLBuilder } from 'fast-xml-parser';
import { MalformedXmlError, UnsafeXmlError } from './safe-xml-errors.ts';
import { readXmlTree, type XmlNode } from './xml-tree.ts';

export { MalformedXmlError, UnsafeXmlError, type XmlNode };

/**
 * XML from suppliers is untrusted. Before reading: a size cap, and any DOCTYPE or ENTITY
 * declaration is refused outright (no XXE, no billion laughs); only the five predefined entities
 * and character references are ever decoded. The document is then read in one pass that checks it
 * is well formed and builds the tree (`readXmlTree`): values stay strings, so amounts, codes and
 * flight numbers are never turned into numbers by accident; attributes appear as `@_name`, text
 * beside attributes as `#text`; namespace prefixes are removed. Elements that may repeat must be
 * named in `arrays` (matched by local name or by dotted path) so one and many look the same.
 * The tree is the one fast-xml-parser builds with those options (the tests compare them on every
 * published OpenTravel sample); read in one pass it costs well under half of that parse
 * (`npm run bench -- gds`, translation table). Messages are built with fast-xml-parser's builder.
 */
export const DEFAULT_MAX_XML_BYTES = 5 * 1024 * 1024;

export interface ParseXmlOptions {
  /** Local names (e.g. 'PricedItinerary') or dotted paths of elements that are always arrays. */
  arrays?: Iterable<string>;
  maxBytes?: number;
}

const DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

export function assertSafeXml(xml: string, maxBytes = DEFAULT_MAX_XML_BYTES): void {
  if (Buffer.byteLength(xml, 'utf8') > maxBytes) throw new UnsafeXmlError(`XML larger than ${maxBytes} bytes`);
  if (DECLARATION.test(xml)) throw new UnsafeXmlError('XML with DOCTYPE or entity declarations is refused');
}

export function parseXml(xml: string, options: ParseXmlOptions = {}): XmlNode {
  assertSafeXml(xml, options.maxBytes);
  const arrays = new Set(options.arrays ?? []);
  return readXmlTree(xml, arrays.size > 0 ? (name, path) => arrays.has(name) || arrays.has(path) : undefined);
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  // Without this the builder writes an attribute whose value is "true" as a bare name (invalid XML).
  suppressBooleanAttributes: false,
  processEntities: true,
  format: false,
});

/** Builds XML from the same shape `parseXml` returns (`@_attr`, `#text`); text and attributes are escaped. */
export function buildXml(node: XmlNode): string {
  return builder.build(node) as string;
}

/** Children that may be one or many, as an array; for elements not listed in `arrays`. */
export function asArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of an element that may carry attributes (`{ '#text': 'x', '@_a': ... }`) or be plain text. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '#text' in value) return String((value as XmlNode)['#text']);
  return undefined;
}
