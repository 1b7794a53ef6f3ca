import { createHotelSearch } from '@himal/core';
import {
  apiRoute,
  hotelSearchBody,
  jsonResponse,
  parseInput,
  readJsonBody,
  renderHotelOffer,
  renderOfferRequest,
  toHotelSearchRequest,
  withHotelBodyFields,
  methodNotAllowed,
} from '../../../../../lib/api/index.ts';

export const POST = apiRoute(
  async ({ request, tenant, requestId }) => {
    const body = parseInput(hotelSearchBody, await readJsonBody(request));
    const result = await withHotelBodyFields(() => createHotelSearch(tenant, toHotelSearchRequest(body)));
    return jsonResponse(201, renderOfferRequest(result, renderHotelOffer), requestId);
  },
  { kind: 'search' },
);

const refused = methodNotAllowed(['POST']);
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
