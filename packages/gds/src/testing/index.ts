// Pieces shared by the package's tests, the simulators' tests (@himal/simulators) and the benchmarks
// (bench/gds): measurements and checks, not product code. The OpenTravel test helpers, which declare
// Vitest suites, are their own entry (@himal/gds/testing/opentravel).
export {
  mapSkywaysLowFareSearch,
  parseSkywaysAnswer,
  readSkywaysLowFareSearch,
  skywaysLowFareSearchEnvelope,
  SKYWAYS_LOW_FARE_SEARCH_ACTION,
} from './skyways-low-fare.ts';
export { DEFAULT_MAX_XML_BYTES } from '../xml/safe-xml.ts';
export { assertWellFormed } from '../xml/well-formed.ts';
export { readXmlTree } from '../xml/xml-tree.ts';
export { OPENTRAVEL_DIR, openTravelAvailable } from './opentravel-schemas.ts';
export { xmllintComplaints } from './xmllint.ts';
/** The adapters' transport, for tests that call a simulator as an adapter does. */
export { callSoap } from '../transport/soap-transport.ts';
