// Orders: what the booking engine's order aggregate is built from, as it lands.
export {
  BOOKING_REFERENCE_ALPHABET,
  BOOKING_REFERENCE_LENGTH,
  newBookingReference,
  normalizeBookingReference,
} from './booking-reference.ts';
export { OrderError, isOrderError, type OrderErrorCode, type OrderFieldError } from './order-errors.ts';
