export const HIMALAYAN_GDS_NS = 'urn:himalayan-gds:2026';

export type GdsOperationName =
  | 'Security_Authenticate'
  | 'Security_SignOut'
  | 'Fare_MasterPricerTravelBoardSearch'
  | 'Fare_InformativePricingWithoutPNR'
  | 'PNR_AddMultiElements'
  | 'PNR_Retrieve'
  | 'PNR_Cancel'
  | 'DocIssuance_IssueTicket'
  | 'Ticket_InitRefund';

export function soapActionOf(operation: GdsOperationName): string {
  return `${HIMALAYAN_GDS_NS}/${operation}`;
}

/** The element a reply comes in: every PNR_ message answers with PNR_Reply. */
export function replyElementOf(operation: GdsOperationName): string {
  return operation.startsWith('PNR_') ? 'PNR_Reply' : `${operation}Reply`;
}
