import { NotFoundPage } from '@himal/ui';

/** A missing page on a tenant's site, in the tenant's colours. */
export default function NotFound() {
  return (
    <NotFoundPage
      message="We could not find the page you were looking for."
      home={{ href: '/', label: 'Back to the home page' }}
    />
  );
}
