import { listOffers } from '@himal/core';
import {
  airOffersQuery,
  apiRoute,
  jsonResponse,
  parseInput,
  renderAirOffer,
  methodNotAllowed,
} from '../../../../../../../lib/api/index.ts';

export const GET = apiRoute<{ id: string }>(async ({ request, params, tenant, requestId }) => {
  const query = parseInput(airOffersQuery, Object.fromEntries(new URL(request.url).searchParams), 'query');
  const page = await listOffers(tenant, { offerRequestId: params.id, product: 'air', ...query });
  return jsonResponse(
    200,
    {
      data: page.offers.flatMap((offer) => (offer.product === 'air' ? [renderAirOffer(offer)] : [])),
      meta: { limit: page.limit, sort: page.sort, after: page.after },
    },
    requestId,
  );
});

const refused = methodNotAllowed(['GET']);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
