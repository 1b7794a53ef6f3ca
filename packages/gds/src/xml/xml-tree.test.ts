import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { itWithOpenTravel, openTravelSamples } from '../testing/opentravel.ts';
import { UnsafeXmlError } from './safe-xml-errors.ts';
import { decodeXmlText, readXmlTree } from './xml-tree.ts';

/** Every string of a tree decoded, as the platform did after fast-xml-parser (its entity expansion off). */
function decoded(value: unknown): unknown {
  if (typeof value === 'string') return decodeXmlText(value);
  if (Array.isArray(value)) return value.map(decoded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decoded(v)]));
  return value;
}

/** What the platform read supplier XML with before `readXmlTree`: fast-xml-parser 4.5, these options, then entities decoded. */
function fastXmlParserTree(xml: string, arrays: Set<string> = new Set()) {
  const parsed = new XMLParser({
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
    isArray: (name, jPath, _isLeaf, isAttribute) => !isAttribute && (arrays.has(name) || arrays.has(jPath)),
  }).parse(xml) as unknown;
  return decoded(parsed);
}

describe('readXmlTree', () => {
  it.each([
    ['text only', '<a>  t  </a>', { a: 't' }],
    ['empty', '<a><b/><c></c></a>', { a: { b: '', c: '' } }],
    ['attributes without children', '<a x=" 1 " y=\'2\'/>', { a: { '@_x': '1', '@_y': '2' } }],
    ['text beside attributes', '<a x="1">t</a>', { a: { '#text': 't', '@_x': '1' } }],
    ['repeated names become arrays', '<a><b>1</b><c/><b>2</b><b>3</b></a>', { a: { b: ['1', '2', '3'], c: '' } }],
    [
      'namespaces removed, xmlns left out',
      '<s:E xmlns:s="urn:s" xmlns="urn:d"><s:B s:x="1"/></s:E>',
      { E: { B: { '@_x': '1' } } },
    ],
    [
      'entities decoded',
      '<a x="&lt;&#65;&#x42;">&amp;&quot;&apos;&gt;&unknown;</a>',
      { a: { '#text': '&"\'>&unknown;', '@_x': '<AB' } },
    ],
    ['CDATA kept as written', '<a><![CDATA[ <b>& ]]></a>', { a: ' <b>& ' }],
    [
      'comments, instructions and the declaration left out',
      '<?xml version="1.0"?><!-- c --><a><?pi x?>t<!-- c --></a>',
      { a: 't' },
    ],
    ['mixed text joined', '<a>x<b/>y</a>', { a: { b: '', '#text': 'xy' } }],
  ])('%s', (_, xml, tree) => {
    expect(readXmlTree(xml)).toEqual(tree);
    expect(readXmlTree(xml)).toEqual(fastXmlParserTree(xml));
  });

  it('makes the elements it is told of arrays, by local name or by dotted path', () => {
    const xml = '<r><a>1</a><g><b>2</b></g><h><b>3</b></h></r>';
    const arrays = new Set(['a', 'r.g.b']);
    const tree = readXmlTree(xml, (name, path) => arrays.has(name) || arrays.has(path));
    expect(tree).toEqual({ r: { a: ['1'], g: { b: ['2'] }, h: { b: '3' } } });
    expect(tree).toEqual(fastXmlParserTree(xml, arrays));
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses an element named %s (no prototype pollution)', (name) => {
    expect(() => readXmlTree(`<a><${name}><polluted>yes</polluted></${name}></a>`)).toThrow(UnsafeXmlError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  itWithOpenTravel('reads every published sample as fast-xml-parser does', () => {
    let compared = 0;
    for (const prefix of ['OTA_Air', 'OTA_Hotel', 'OTA_Cancel', 'OTA_Insurance', 'OTA_Read', 'OTA_Profile', 'OTA_Veh']) {
      for (const sample of openTravelSamples(prefix)) {
        expect(readXmlTree(sample.xml), sample.name).toEqual(fastXmlParserTree(sample.xml));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
