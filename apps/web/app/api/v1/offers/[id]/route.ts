import { getOffer } from '@himal/core';
import {
  apiRoute,
  jsonResponse,
  renderAnyOffer,
  renderMoney,
  renderPriceChanges,
  renderWarnings,
  methodNotAllowed,
} from '../../../../../lib/api/index.ts';

export const GET = apiRoute<{ id: string }>(async ({ params, tenant, requestId }) => {
  const lookup = await getOffer(tenant, params.id);
  const latest = lookup.priceChanged ? lookup.offer.priceChanges.at(-1) : undefined;
  return jsonResponse(
    200,
    {
      data: renderAnyOffer(lookup.offer),
      meta: {
        repriced: lookup.repriced,
        price_changed: lookup.priceChanged,
        price_changes: renderPriceChanges(lookup.offer),
        previous_total: latest ? renderMoney(latest.previousTotal) : null,
        warnings: renderWarnings(lookup.warnings),
      },
    },
    requestId,
  );
});

const refused = methodNotAllowed(['GET']);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
