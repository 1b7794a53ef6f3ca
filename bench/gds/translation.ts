import { XMLParser } from 'fast-xml-parser';
import { XMLParser as XMLParser4 } from 'fast-xml-parser-v4';
import * as soap from 'soap';
import type { AirSearchRequest } from '@himal/gds';
import { createSkywaysSimulator, SKYWAYS_CREDENTIALS, startSimulator } from '@himal/simulators';
import {
  DEFAULT_MAX_XML_BYTES,
  mapSkywaysLowFareSearch,
  parseSkywaysAnswer,
  readSkywaysLowFareSearch,
  readXmlTree,
  skywaysLowFareSearchEnvelope,
  SKYWAYS_LOW_FARE_SEARCH_ACTION,
} from '@himal/gds/testing';
import { summarize, type Summary } from '../lib/stats.ts';

/**
 * Translation cost: the skyways adapter's reading of a 1,000-itinerary OTA_AirLowFareSearchRS (safe
 * parse with its array paths, then the mapping to AirOffer), against fast-xml-parser's bare
 * XMLParser.parse of the same string, interleaved in the same run.
 */
export interface TranslationResult {
  request: AirSearchRequest;
  itineraries: number;
  segments: number;
  bytes: number;
  /** The adapter's response cap; an answer over it is refused by callSoap, so it is lifted for the measurement. */
  adapterCapBytes: number;
  warmUp: number;
  iterations: number;
  /** ms per response for each way of reading it, same iterations, interleaved. */
  runs: Record<TranslationRun, Summary>;
}

export type TranslationRun =
  'adapter' | 'nodeSoap' | 'bare' | 'bare4' | 'bareWithAttributes' | 'validation' | 'safeParse' | 'mapping';

export const TRANSLATION_RUNS: Record<TranslationRun, string> = {
  adapter: 'skyways adapter: safe parse + mapping to AirOffer (readSkywaysLowFareSearch)',
  nodeSoap: "reference: node-soap's own parse of the answer (client.wsdl.xmlToObject, sax), no mapping",
  bare: 'reference: new XMLParser().parse(xml) (fast-xml-parser 5, defaults)',
  bare4: 'reference: new XMLParser().parse(xml) (fast-xml-parser 4.5.7, defaults)',
  bareWithAttributes: 'reference: new XMLParser({ ignoreAttributes: false }).parse(xml)',
  validation: 'stage: readXmlTree(xml) alone: the one pass that checks the document is well formed and builds its tree',
  safeParse: 'stage: safe parse alone (cap, DOCTYPE check, readXmlTree with the array paths)',
  mapping: 'stage: mapping alone (readLowFareSearch on the parsed body)',
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A three-slice journey (Kathmandu–Delhi and back, then to Delhi again): the simulator's network has
 * over 4,000 priced combinations for it, so a 1,000-itinerary answer is real search output.
 */
function searchRequest(): AirSearchRequest {
  return {
    slices: [
      { origin: 'KTM', destination: 'DEL', departureDate: day(40) },
      { origin: 'DEL', destination: 'KTM', departureDate: day(44) },
      { origin: 'KTM', destination: 'DEL', departureDate: day(48) },
    ],
    passengers: [{ type: 'adult' }],
    cabinClass: 'economy',
    currency: 'NPR',
  };
}

/**
 * The answer's bytes as the skyways simulator writes them: a real search over HTTP (the adapter's
 * own request, asking MaxResponses 1000) to a simulator started with its ceiling raised to 1,000.
 */
async function fetchLowFareAnswer(
  request: AirSearchRequest,
  itineraries: number,
): Promise<{ xml: string; nodeSoapParse: (xml: string) => unknown }> {
  const simulator = await startSimulator(createSkywaysSimulator({ maxResponsesCeiling: itineraries }));
  try {
    // node-soap's client for the same WSDL: what reading the answer costs a generic SOAP stack.
    const client = await soap.createClientAsync(`${simulator.endpoint}?wsdl`);
    const wsdl = (client as unknown as { wsdl: { xmlToObject: (xml: string) => unknown } }).wsdl;
    const response = await fetch(simulator.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: SKYWAYS_LOW_FARE_SEARCH_ACTION, accept: 'text/xml' },
      body: skywaysLowFareSearchEnvelope(request, SKYWAYS_CREDENTIALS, itineraries),
    });
    const xml = await response.text();
    if (!response.ok) throw new Error(`skyways answered HTTP ${response.status}: ${xml.slice(0, 300)}`);
    return { xml, nodeSoapParse: (text) => wsdl.xmlToObject(text) };
  } finally {
    await simulator.close();
  }
}

export async function measureTranslation(options: {
  itineraries: number;
  warmUp: number;
  iterations: number;
  log: (line: string) => void;
}): Promise<TranslationResult> {
  const request = searchRequest();
  const { xml, nodeSoapParse } = await fetchLowFareAnswer(request, options.itineraries);
  const bytes = Buffer.byteLength(xml);
  // The adapter refuses answers over its cap; this one may be just over it (see the report).
  const maxBytes = Math.max(DEFAULT_MAX_XML_BYTES, bytes);
  const check = readSkywaysLowFareSearch(xml, request, maxBytes);
  if (check.offers.length !== options.itineraries || check.warnings.length) {
    throw new Error(
      `expected ${options.itineraries} offers and no warnings, the adapter read ${check.offers.length} (${JSON.stringify(check.warnings)})`,
    );
  }
  const segments = check.offers.reduce((sum, offer) => sum + offer.slices.reduce((n, slice) => n + slice.segments.length, 0), 0);
  options.log(
    `  translation: ${check.offers.length} itineraries (${segments} flight segments), ${(bytes / 2 ** 20).toFixed(2)} MiB, ${options.warmUp} warm-up + ${options.iterations} measured rounds`,
  );

  const parsedBody = parseSkywaysAnswer(xml, maxBytes);
  const work: Record<TranslationRun, () => unknown> = {
    adapter: () => readSkywaysLowFareSearch(xml, request, maxBytes),
    nodeSoap: () => nodeSoapParse(xml),
    bare: () => new XMLParser().parse(xml),
    bare4: () => new XMLParser4().parse(xml),
    bareWithAttributes: () => new XMLParser({ ignoreAttributes: false }).parse(xml),
    validation: () => readXmlTree(xml),
    safeParse: () => parseSkywaysAnswer(xml, maxBytes),
    mapping: () => mapSkywaysLowFareSearch(parsedBody, request),
  };
  const names = Object.keys(work) as TranslationRun[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<TranslationRun, number[]>;
  let sink = 0;
  for (let round = 0; round < options.warmUp + options.iterations; round++) {
    // Every way of reading runs once per round, starting from a different one each round, so drift
    // in the machine's load and the garbage one leaves for the next are shared out evenly.
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      const started = performance.now();
      const value = work[name]();
      const ms = performance.now() - started;
      sink += value ? 1 : 0;
      if (round >= options.warmUp) samples[name].push(ms);
    }
  }
  if (sink < 0) console.log(sink);
  return {
    request,
    itineraries: check.offers.length,
    segments,
    bytes,
    adapterCapBytes: DEFAULT_MAX_XML_BYTES,
    warmUp: options.warmUp,
    iterations: options.iterations,
    runs: Object.fromEntries(names.map((name) => [name, summarize(samples[name])])) as Record<TranslationRun, Summary>,
  };
}
