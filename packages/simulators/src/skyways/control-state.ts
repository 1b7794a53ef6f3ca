import type { AirOffer } from '@himal/gds';
import { simulatorControl } from '../harness/simulator-server.ts';

/**
 * For tests: the exact seats skyways has left on each flight of an offer, read from the
 * simulator's control state (its answers show at most 9, as a GDS would).
 */
export async function seatsLeftOnFlights(simulatorUrl: string, offer: AirOffer): Promise<number[]> {
  const { seatsLeft } = await simulatorControl.state<{ seatsLeft: Record<string, number> }>(simulatorUrl);
  return offer.slices
    .flatMap((slice) => slice.segments)
    .map(
      (segment) =>
        seatsLeft[
          `${segment.marketingCarrier}${segment.flightNumber}-${segment.origin}|${segment.departingAt.slice(0, 10)}|${segment.cabinClass}`
        ] ?? NaN,
    );
}
