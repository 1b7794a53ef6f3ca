import { MalformedXmlError } from './safe-xml-errors.ts';

/** A start or end tag with its attributes, matched where a '<' stands (sticky). */
const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const WHITESPACE = /^\s*$/;

function fail(xml: string, at: number, what: string): never {
  const line = xml.slice(0, at).split('\n').length;
  throw new MalformedXmlError(`malformed XML: ${what} (line ${line})`);
}

/**
 * One pass over the document checking what the parser forgives: every element closed by its own
 * name, one root, nothing but whitespace around it, comments, CDATA and processing instructions
 * terminated. A truncated answer always fails here. Several times faster than fast-xml-parser's
 * XMLValidator, whose attribute-by-attribute checks cost half a parse of a large answer.
 */
export function assertWellFormed(xml: string): void {
  const open: string[] = [];
  let roots = 0;
  let position = 0;
  for (;;) {
    const lt = xml.indexOf('<', position);
    const text = xml.slice(position, lt === -1 ? xml.length : lt);
    if (open.length === 0 && !WHITESPACE.test(text)) fail(xml, position, 'text outside the root element');
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */ || next === 0x21 /* ! */) {
      const [opening, closing] =
        next === 0x3f ? ['<?', '?>'] : xml.startsWith('<!--', lt) ? ['<!--', '-->'] : ['<![CDATA[', ']]>'];
      if (!xml.startsWith(opening!, lt)) fail(xml, lt, 'a declaration where none is allowed');
      if (opening === '<![CDATA[' && open.length === 0) fail(xml, lt, 'CDATA outside the root element');
      const end = xml.indexOf(closing!, lt + opening!.length);
      if (end === -1) fail(xml, lt, `${opening} is not terminated`);
      position = end + closing!.length;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(xml);
    if (!tag) fail(xml, lt, 'a tag that is not well formed or not terminated');
    const [whole, slash, name, attributes, selfClosing] = tag;
    if (slash) {
      if (attributes || selfClosing) fail(xml, lt, `end tag </${name}> with attributes`);
      const expected = open.pop();
      if (expected !== name) fail(xml, lt, expected ? `</${name}> closes <${expected}>` : `</${name}> closes nothing`);
    } else {
      if (open.length === 0 && ++roots > 1) fail(xml, lt, 'more than one root element');
      if (!selfClosing) open.push(name!);
    }
    position = lt + whole.length;
  }
  if (roots === 0) fail(xml, xml.length, 'no root element');
  if (open.length > 0) fail(xml, xml.length, `<${open.at(-1)}> is not closed`);
}
