import Link from 'next/link';

/** Next's default 404 page uses inline styles, which the CSP refuses; this one uses the theme. */
export default function NotFound() {
  return (
    <main className="grid min-h-screen place-items-center px-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold tracking-widest text-brand">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
        <Link href="/" className="mt-8 inline-block rounded-lg bg-brand px-5 py-2.5 font-semibold text-on-brand">
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
