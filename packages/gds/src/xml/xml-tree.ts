import { MalformedXmlError, UnsafeXmlError } from './safe-xml-errors.ts';

export type XmlNode = Record<string, unknown>;

/** A start or end tag with its attributes, matched where a '<' stands (sticky). */
const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
const WHITESPACE = /^\s*$/;
const TEXT = '#text';
/** Names that would reach an object's prototype if used as keys. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

function fail(xml: string, at: number, what: string): never {
  const line = xml.slice(0, at).split('\n').length;
  throw new MalformedXmlError(`malformed XML: ${what} (line ${line})`);
}

/** The five predefined XML entities and character references (nothing else is ever expanded). */
export function decodeXmlText(text: string): string {
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
      default: {
        const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : `&${entity};`;
      }
    }
  });
}

/** `soap:Envelope` → `Envelope`; a name with more than one colon is kept whole. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 || name.indexOf(':', colon + 1) !== -1 ? name : name.slice(colon + 1);
}

function checkedName(name: string): string {
  if (FORBIDDEN_NAMES.has(name)) throw new UnsafeXmlError(`XML naming an element "${name}" is refused`);
  return name;
}

interface Open {
  /** The name as written (an end tag must repeat it), and the local name it is kept under. */
  qualified: string;
  name: string;
  path: string;
  children: XmlNode;
  text: string | undefined;
  attributes: XmlNode | undefined;
}

/** Attributes as `@_local-name`, values trimmed and decoded; `xmlns` declarations are left out. */
function readAttributes(source: string): XmlNode | undefined {
  if (!source) return undefined;
  let attributes: XmlNode | undefined;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) {
    const written = match[1]!;
    if (written === 'xmlns' || written.startsWith('xmlns:')) continue;
    const value = (match[2] ?? match[3]!).trim();
    attributes ??= {};
    attributes[`@_${localName(written)}`] = decodeXmlText(value);
  }
  return attributes;
}

/** What a closed element becomes: its text alone, '' when empty, else an object of children, text and attributes. */
function valueOf(element: Open): unknown {
  const { children, attributes, text } = element;
  if (text !== undefined && text.length > 0) children[TEXT] = text;
  if (attributes) return Object.assign(children, attributes);
  let keys = 0;
  for (const key in children) {
    if (++keys > 1 || key !== TEXT) return children;
  }
  return keys === 1 ? children[TEXT] : '';
}

function addChild(parent: XmlNode, name: string, path: string, value: unknown, isArray: (name: string, path: string) => boolean) {
  if (Object.hasOwn(parent, name)) {
    const current = parent[name];
    if (Array.isArray(current)) current.push(value);
    else parent[name] = [current, value];
  } else parent[name] = isArray(name, path) ? [value] : value;
}

/**
 * Reads a whole document in one pass: it checks what a lenient parser forgives (every element
 * closed by its own name, one root, nothing but whitespace around it, comments, CDATA and
 * processing instructions terminated: a truncated answer always fails) and builds the tree as it
 * goes. The tree: an element holding only text is that text (trimmed, entities decoded); an empty
 * one is ''; otherwise an object of its children by local name (namespace prefixes removed), its
 * text under `#text` and its attributes under `@_name`. A name seen twice under one parent, or
 * one `isArray` names (by local name or dotted path), is an array. Values stay strings. DOCTYPE
 * and other declarations are refused (the caller checks first; here they are simply malformed).
 */
export function readXmlTree(source: string, isArray: (name: string, path: string) => boolean = () => false): XmlNode {
  // Line ends as XML defines them: CR LF and a lone CR are read as LF.
  const xml = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const root: XmlNode = {};
  const open: Open[] = [];
  let roots = 0;
  let position = 0;
  let pendingText = '';
  const flushText = () => {
    const element = open.at(-1);
    if (!element) return;
    const trimmed = pendingText.trim();
    pendingText = '';
    if (trimmed.length > 0) element.text = (element.text ?? '') + decodeXmlText(trimmed);
  };
  for (;;) {
    const lt = xml.indexOf('<', position);
    const text = xml.slice(position, lt === -1 ? xml.length : lt);
    if (open.length === 0) {
      if (!WHITESPACE.test(text)) fail(xml, position, 'text outside the root element');
    } else pendingText += text;
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */ || next === 0x21 /* ! */) {
      const [opening, closing] =
        next === 0x3f ? ['<?', '?>'] : xml.startsWith('<!--', lt) ? ['<!--', '-->'] : ['<![CDATA[', ']]>'];
      if (!xml.startsWith(opening!, lt)) fail(xml, lt, 'a declaration where none is allowed');
      if (opening === '<![CDATA[' && open.length === 0) fail(xml, lt, 'CDATA outside the root element');
      const end = xml.indexOf(closing!, lt + opening!.length);
      if (end === -1) fail(xml, lt, `${opening} is not terminated`);
      if (opening === '<![CDATA[') {
        flushText();
        const element = open.at(-1)!;
        element.text = (element.text ?? '') + xml.slice(lt + opening.length, end);
      }
      position = end + closing!.length;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(xml);
    if (!tag) fail(xml, lt, 'a tag that is not well formed or not terminated');
    const [whole, slash, qualified, attributes, selfClosing] = tag as unknown as [string, string, string, string, string];
    flushText();
    if (slash) {
      if (attributes || selfClosing) fail(xml, lt, `end tag </${qualified}> with attributes`);
      const element = open.pop();
      if (element?.qualified !== qualified)
        fail(xml, lt, element ? `</${qualified}> closes <${element.qualified}>` : `</${qualified}> closes nothing`);
      addChild(open.at(-1)?.children ?? root, element.name, element.path, valueOf(element), isArray);
    } else {
      if (open.length === 0 && ++roots > 1) fail(xml, lt, 'more than one root element');
      const name = checkedName(localName(qualified));
      const parent = open.at(-1);
      const element: Open = {
        qualified,
        name,
        path: parent ? `${parent.path}.${name}` : name,
        children: {},
        text: undefined,
        attributes: readAttributes(attributes),
      };
      if (selfClosing) addChild(parent?.children ?? root, name, element.path, valueOf(element), isArray);
      else open.push(element);
    }
    position = lt + whole.length;
  }
  if (roots === 0) fail(xml, xml.length, 'no root element');
  if (open.length > 0) fail(xml, xml.length, `<${open.at(-1)!.qualified}> is not closed`);
  return root;
}
