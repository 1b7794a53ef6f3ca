import { createAirOfferRequest } from '@himal/core';
import {
  airOfferRequestBody,
  apiRoute,
  jsonResponse,
  parseInput,
  readJsonBody,
  renderAirOffer,
  renderOfferRequest,
  toAirSearchRequest,
  withAirBodyFields,
  methodNotAllowed,
} from '../../../../../lib/api/index.ts';

export const POST = apiRoute(
  async ({ request, tenant, requestId }) => {
    const body = parseInput(airOfferRequestBody, await readJsonBody(request));
    const result = await withAirBodyFields(() => createAirOfferRequest(tenant, toAirSearchRequest(body)));
    return jsonResponse(201, renderOfferRequest(result, renderAirOffer), requestId);
  },
  { kind: 'search' },
);

const refused = methodNotAllowed(['POST']);
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
