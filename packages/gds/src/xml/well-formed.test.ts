import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { itWithOpenTravel, openTravelSamples } from '../testing/opentravel.ts';
import { assertWellFormed } from './well-formed.ts';

describe('assertWellFormed', () => {
  it.each([
    '<a/>',
    '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1" y=\'2\'><b>t &amp; u</b><!-- c < d --><c><![CDATA[<not a tag>]]></c></a>\n',
    '<s:Envelope xmlns:s="urn:s"><s:Body><X A = "1"  B="a>b"/></s:Body></s:Envelope>',
  ])('accepts %j', (xml) => expect(() => assertWellFormed(xml)).not.toThrow());

  it.each([
    ['<a><b>t</b>', /<a> is not closed/],
    ['<a><b>t</c></a>', /<\/c> closes <b>/],
    ['<a></a><b/>', /more than one root/],
    ['<a/>junk', /text outside the root/],
    ['junk<a/>', /text outside the root/],
    ['<a x=1/>', /not well formed/],
    ['<a><b x="1" </a>', /not well formed/],
    ['<a><!-- open </a>', /not terminated/],
    ['<a></a x="1">', /not well formed|with attributes/],
    ['', /no root element/],
    ['<a><b>t</b></a></a>', /closes nothing|text outside/],
  ])('refuses %j', (xml, message) => expect(() => assertWellFormed(xml)).toThrow(message));

  itWithOpenTravel('refuses every cut of a real message that the parser alone would accept', () => {
    const xml = openTravelSamples('OTA_AirLowFareSearchRS')[0]!.xml;
    expect(() => assertWellFormed(xml)).not.toThrow();
    for (let cut = 1; cut < xml.trimEnd().length; cut += 97) expect(() => assertWellFormed(xml.slice(0, cut))).toThrow();
  });

  itWithOpenTravel('agrees with fast-xml-parser’s validator on every published sample', () => {
    for (const prefix of ['OTA_Air', 'OTA_Hotel', 'OTA_Cancel', 'OTA_Insurance', 'OTA_Read']) {
      for (const sample of openTravelSamples(prefix)) {
        expect(XMLValidator.validate(sample.xml), sample.name).toBe(true);
        expect(() => assertWellFormed(sample.xml), sample.name).not.toThrow();
      }
    }
  });
});
