import { z } from 'zod';
import { SupplierError, isSupplierError } from '../../errors.ts';
import type { CallContext, SupplierConnection } from '../../products/common.ts';
import { callSoap } from '../../transport/soap-transport.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { usernameTokenHeader } from '../../xml/ws-security.ts';
import type { RequestIdentity } from './ota-request.ts';
import { SKYWAYS_SUPPLIER_ID } from './supplier-id.ts';

/** Elements that repeat in skyways' answers (and in the OpenTravel samples of the same messages). */
export const SKYWAYS_ARRAYS = [
  'PricedItinerary',
  'OriginDestinationOption',
  'FlightSegment',
  'BookingClassAvails',
  'BookingClassAvail',
  'Equipment',
  'ItinTotalFare',
  'PTC_FareBreakdown',
  'PassengerFare',
  'FareBasisCode',
  'FareInfo',
  'FareReference',
  'EquivFare',
  'Tax',
  'Error',
  'Warning',
  'AirReservation',
  'AirTraveler',
  'Ticketing',
  'BookingReferenceID',
  'TicketItemInfo',
  'ConjunctiveTicket',
  'UniqueID',
  'CancelRule',
];

const credentialsSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });

export type SkywaysAction = 'AirLowFareSearch' | 'AirPrice' | 'AirBook' | 'AirDemandTicket' | 'Cancel' | 'Read';

export interface SkywaysCall<T> {
  connection: SupplierConnection;
  /** The platform operation, for logs and errors (air.search, air.book, ...). */
  operation: string;
  action: SkywaysAction;
  currency?: string;
  build: (identity: RequestIdentity) => string;
  read: (body: XmlNode) => T;
  context?: CallContext;
}

/**
 * One skyways operation: the OTA request with a fresh UsernameToken (digest, never the password),
 * through the platform's SOAP transport, and the answer read by `read`. Anything `read` trips over
 * that is not already a SupplierError is a bad response.
 */
export async function callSkyways<T>(call: SkywaysCall<T>): Promise<T> {
  const { connection, operation, context } = call;
  const credentials = credentialsSchema.safeParse(connection.credentials);
  if (!credentials.success) {
    throw new SupplierError('SUPPLIER_NOT_CONFIGURED', `${SKYWAYS_SUPPLIER_ID} account needs a username and a password`, {
      supplierId: SKYWAYS_SUPPLIER_ID,
      operation,
    });
  }
  const { username, password } = credentials.data;
  const bodyXml = call.build({ requestorId: username, currency: call.currency });
  for (let attempt = 1; ; attempt++) {
    let body: XmlNode;
    try {
      ({ body } = await callSoap({
        supplierId: SKYWAYS_SUPPLIER_ID,
        operation,
        endpoint: connection.endpoint,
        soapAction: `http://skyways.example/ota/${call.action}`,
        bodyXml,
        headerXml: usernameTokenHeader(username, password),
        arrays: SKYWAYS_ARRAYS,
        timeoutMs: context?.timeoutMs,
        tenantId: context?.tenantId,
        signal: context?.signal,
      }));
    } catch (error) {
      // An expired token is worth one retry with a fresh one: skyways refused it before doing anything.
      if (isSupplierError(error) && error.code === 'SUPPLIER_SESSION_EXPIRED' && attempt === 1) continue;
      throw error;
    }
    try {
      return call.read(body);
    } catch (error) {
      if (isSupplierError(error)) throw error;
      throw new SupplierError('SUPPLIER_BAD_RESPONSE', `${SKYWAYS_SUPPLIER_ID} ${operation}: ${(error as Error).message}`, {
        supplierId: SKYWAYS_SUPPLIER_ID,
        operation,
        cause: error,
      });
    }
  }
}
