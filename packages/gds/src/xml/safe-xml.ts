import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { MalformedXmlError, UnsafeXmlError } from './safe-xml-errors.ts';
import { assertWellFormed } from './well-formed.ts';

export { MalformedXmlError, UnsafeXmlError };

/**
 * Parsed with fast-xml-parser 4.5 (pinned): on a 5 MiB OpenTravel answer it parses in about 85% of
 * the time of the 5.x line with the same options (`npm run bench -- gds`, translation table).
 *
 * XML from suppliers is untrusted. Before parsing: a size cap, and any DOCTYPE or ENTITY
 * declaration is refused outright (no XXE, no billion laughs); fast-xml-parser's own entity
 * processing is off as well. Values stay strings (`parseTagValue: false`): amounts, codes and
 * flight numbers are never turned into numbers by accident. Attributes appear as `@_name`, text
 * beside attributes as `#text`; namespace prefixes are removed. Elements that may repeat must be
 * named in `arrays` (matched by local name or by dotted path) so one and many look the same.
 */
export const DEFAULT_MAX_XML_BYTES = 5 * 1024 * 1024;

export interface ParseXmlOptions {
  /** Local names (e.g. 'PricedItinerary') or dotted paths of elements that are always arrays. */
  arrays?: Iterable<string>;
  maxBytes?: number;
}

export type XmlNode = Record<string, unknown>;

const DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

export function assertSafeXml(xml: string, maxBytes = DEFAULT_MAX_XML_BYTES): void {
  if (Buffer.byteLength(xml, 'utf8') > maxBytes) throw new UnsafeXmlError(`XML larger than ${maxBytes} bytes`);
  if (DECLARATION.test(xml)) throw new UnsafeXmlError('XML with DOCTYPE or entity declarations is refused');
}

export function parseXml(xml: string, options: ParseXmlOptions = {}): XmlNode {
  assertSafeXml(xml, options.maxBytes);
  assertWellFormed(xml);
  const arrays = new Set(options.arrays ?? []);
  const byPath = [...arrays].some((entry) => entry.includes('.'));
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Attributes never repeat; an element is looked up by its dotted path only when one is asked for.
    isArray: (name, jPath, _isLeaf, isAttribute) => !isAttribute && (arrays.has(name) || (byPath && arrays.has(jPath))),
  });
  const parsed = parser.parse(xml) as XmlNode;
  return decodeBasicEntities(parsed) as XmlNode;
}

/** The five predefined XML entities and character references, decoded after parsing (entity expansion is off). */
function decodeText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    switch (entity) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    }
  });
}

/**
 * Decodes every string of a tree the parser has just built, in place: only strings holding an
 * entity are replaced, so a large answer is not copied a second time.
 */
function decodeBasicEntities(value: unknown): unknown {
  if (typeof value === 'string') return decodeText(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'string') {
        if (child.includes('&')) value[i] = decodeText(child);
      } else decodeBasicEntities(child);
    }
    return value;
  }
  if (value && typeof value === 'object') {
    const node = value as XmlNode;
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (typeof child === 'string') {
        if (child.includes('&')) node[key] = decodeText(child);
      } else decodeBasicEntities(child);
    }
  }
  return value;
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
