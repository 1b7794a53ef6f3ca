import type { AirOffer, AirSearchRequest } from '../products/air.ts';
import type { SearchResult } from '../products/common.ts';
import { lowFareSearchRequest, readLowFareSearch } from '../suppliers/skyways/low-fare-search.ts';
import { SKYWAYS_ARRAYS } from '../suppliers/skyways/skyways-call.ts';
import { DEFAULT_MAX_XML_BYTES, type XmlNode } from '../xml/safe-xml.ts';
import { parseSoapEnvelope, soapEnvelope } from '../xml/soap-envelope.ts';
import { usernameTokenHeader } from '../xml/ws-security.ts';

/**
 * The skyways adapter's low-fare search, cut at the wire, for measuring it (bench/gds): the SOAP
 * request it sends and what it does with the answer's bytes. Nothing here is used by the adapter;
 * it calls the same functions, through callSkyways and callSoap.
 */

/** The envelope the adapter POSTs for `request` (a fresh UsernameToken each time), asking for `maxResponses` itineraries. */
export function skywaysLowFareSearchEnvelope(
  request: AirSearchRequest,
  credentials: { username: string; password: string },
  maxResponses?: number,
): string {
  const currency = request.currency ?? 'USD';
  return soapEnvelope(
    lowFareSearchRequest(request, { requestorId: credentials.username, currency }, maxResponses),
    usernameTokenHeader(credentials.username, credentials.password),
  );
}

/** The SOAPAction header of a low-fare search. */
export const SKYWAYS_LOW_FARE_SEARCH_ACTION = '"http://skyways.example/ota/AirLowFareSearch"';

/**
 * The first half of reading an answer: callSoap's safe parse (size cap, no DOCTYPE, a validation
 * pass, skyways' array paths, entity decoding) and its fault check.
 */
export function parseSkywaysAnswer(xml: string, maxBytes = DEFAULT_MAX_XML_BYTES): XmlNode {
  const parsed = parseSoapEnvelope(xml, { arrays: SKYWAYS_ARRAYS, maxBytes });
  if (parsed.fault) throw new Error(`skyways answered a SOAP fault: ${parsed.fault.faultString}`);
  return parsed.body;
}

/** The second half: readLowFareSearch's mapping of the parsed body to platform offers. */
export function mapSkywaysLowFareSearch(body: XmlNode, request: AirSearchRequest): SearchResult<AirOffer> {
  return readLowFareSearch(body, request);
}

/** An OTA_AirLowFareSearchRS envelope as the adapter reads it once its bytes have arrived: both halves. */
export function readSkywaysLowFareSearch(
  xml: string,
  request: AirSearchRequest,
  maxBytes = DEFAULT_MAX_XML_BYTES,
): SearchResult<AirOffer> {
  return mapSkywaysLowFareSearch(parseSkywaysAnswer(xml, maxBytes), request);
}
