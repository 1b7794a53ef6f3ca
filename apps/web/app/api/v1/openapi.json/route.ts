import { jsonResponse, openApiDocument, publicApiRoute, methodNotAllowed } from '../../../../lib/api/index.ts';

export const GET = publicApiRoute(async ({ requestId }) =>
  jsonResponse(200, openApiDocument(), requestId, { 'cache-control': 'public, max-age=300' }),
);

const refused = methodNotAllowed(['GET']);
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
