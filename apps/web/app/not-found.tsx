import Link from 'next/link';

/** A missing page on a tenant's site, in the tenant's colours (Next's default page uses inline styles the CSP refuses). */
export default function NotFound() {
  return (
    <main className="grid min-h-screen place-items-center px-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold tracking-widest text-brand">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
        <p className="mt-4 text-ink/70">We could not find the page you were looking for.</p>
        <Link href="/" className="mt-8 inline-block rounded-lg bg-brand px-5 py-2.5 font-semibold text-on-brand">
          Back to the home page
        </Link>
      </div>
    </main>
  );
}
