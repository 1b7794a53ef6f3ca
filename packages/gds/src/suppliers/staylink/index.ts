// What other packages see of staylink (@himal/gds/suppliers/staylink): the adapter and the messages
// it sends, for the tests in @himal/simulators that drive them against the simulator.
// Production reaches the adapter through the registry.
export { staylinkAdapter } from './staylink-adapter.ts';
export { buildAvailRQ } from './avail-request.ts';
export { buildCancelRQ } from './cancel-messages.ts';
export { buildCommitRQ, buildInitiateRQ, buildReadRQ } from './reservation-requests.ts';
