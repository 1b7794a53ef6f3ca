// What other packages see of safetrip (@himal/gds/suppliers/safetrip): the adapter and the messages
// it sends, for the tests in @himal/simulators that drive them against the simulator.
// Production reaches the adapter through the registry.
export { safetripAdapter } from './safetrip-adapter.ts';
export { cancelRequestXml } from './cancel-messages.ts';
export { holdRequestXml, issueRequestXml, readRequestXml } from './policy-messages.ts';
export { quoteRequestXml } from './quote-messages.ts';
