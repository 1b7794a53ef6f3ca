import { ApiError, publicApiRoute } from '../../../../lib/api/index.ts';

/** Any other path under /api/v1 answers in the API's own error format, not with the site's 404 page. */
const notFound = publicApiRoute(async ({ request }) => {
  throw new ApiError(
    404,
    'NOT_FOUND',
    `no ${request.method} ${new URL(request.url).pathname} in this API; see /api/v1/openapi.json`,
  );
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
