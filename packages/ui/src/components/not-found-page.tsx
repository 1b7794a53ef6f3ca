/**
 * The 404 page of either app, in the realm's colours: Next's default one uses inline styles, which
 * the Content-Security-Policy refuses.
 */
export function NotFoundPage({ message, home }: { message?: string; home: { href: string; label: string } }) {
  return (
    <main className="grid min-h-screen place-items-center px-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold tracking-widest text-brand">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
        {message ? <p className="mt-4 text-ink/70">{message}</p> : null}
        <a href={home.href} className="mt-8 inline-block rounded-lg bg-brand px-5 py-2.5 font-semibold text-on-brand">
          {home.label}
        </a>
      </div>
    </main>
  );
}
