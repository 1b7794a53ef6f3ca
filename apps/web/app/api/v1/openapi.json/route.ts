import { jsonResponse, openApiDocument, publicApiRoute } from '../../../../lib/api/index.ts';

export const GET = publicApiRoute(async ({ requestId }) =>
  jsonResponse(200, openApiDocument(), requestId, { 'cache-control': 'public, max-age=300' }),
);
