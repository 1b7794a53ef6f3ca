import { NotFoundPage } from '@himal/ui';

export default function NotFound() {
  return <NotFoundPage home={{ href: '/', label: 'Back to the dashboard' }} />;
}
