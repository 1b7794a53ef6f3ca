// What other packages see of roomrack (@himal/gds/suppliers/roomrack): the adapter and the messages
// it sends and reads, for the tests in @himal/simulators that drive them against the simulator.
// Production reaches the adapter through the registry.
export { roomrackAdapter } from './roomrack-adapter.ts';
export {
  BOOKING_RESPONSE_ARRAYS,
  buildBookingRequest,
  buildCancelCommitRequest,
  buildHoldBookingRequest,
  readBooking,
} from './booking-messages.ts';
export { buildPropertySearchRequest, buildRateCheckRequest, mapProperties, SEARCH_RESPONSE_ARRAYS } from './search-messages.ts';
export { basisPoints, taxesPerRoomNight } from './roomrack-taxes.ts';
