import { createInsuranceQuote } from '@himal/core';
import {
  apiRoute,
  insuranceQuoteBody,
  jsonResponse,
  parseInput,
  readJsonBody,
  renderInsuranceOffer,
  renderOfferRequest,
  toInsuranceQuoteRequest,
  withInsuranceBodyFields,
  methodNotAllowed,
} from '../../../../../lib/api/index.ts';

export const POST = apiRoute(
  async ({ request, tenant, requestId }) => {
    const body = parseInput(insuranceQuoteBody, await readJsonBody(request));
    const result = await withInsuranceBodyFields(() =>
      createInsuranceQuote(tenant, toInsuranceQuoteRequest(body), body.currency),
    );
    return jsonResponse(201, renderOfferRequest(result, renderInsuranceOffer), requestId);
  },
  { kind: 'search' },
);

const refused = methodNotAllowed(['POST']);
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
