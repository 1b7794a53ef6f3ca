import { tenantBrand } from '@himal/http/next';
import { BrandMark, RidgeLine } from '@himal/ui';
import { currentTenant } from '../lib/current-tenant.ts';
import { SearchPreview } from './search-preview.tsx';

const SERVICES = [
  { title: 'Flights', text: 'Domestic hops and international connections, planned around your itinerary.' },
  { title: 'Hotels', text: 'Stays from teahouses to city hotels, chosen for where your journey takes you.' },
  { title: 'Travel insurance', text: 'Cover for trekking, cancellations and medical care while you are away.' },
];

export default async function HomePage() {
  const tenant = await currentTenant();
  const brand = await tenantBrand(tenant);

  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand text-on-brand">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-6 py-5">
          <BrandMark name={tenant.name} logoUrl={brand.logoUrl} onBrand />
          <span data-testid="agency-name" className="text-lg font-semibold tracking-tight">
            {tenant.name}
          </span>
        </div>
      </header>

      <main className="flex-1">
        <section data-testid="hero" className="relative overflow-hidden bg-brand text-on-brand">
          <RidgeLine className="h-48 md:h-64" />
          <div className="relative mx-auto max-w-6xl px-6 pt-16 pb-28 md:pt-24">
            <p className="text-sm font-semibold tracking-[0.2em] text-accent uppercase">{tenant.name}</p>
            <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight md:text-6xl">
              {brand.tagline ?? 'Journeys planned by people who know the way'}
            </h1>
            <p className="mt-5 max-w-2xl text-lg opacity-85">
              Flights, hotels and travel insurance arranged by {tenant.name}, in one place.
            </p>
          </div>
        </section>

        <section className="relative mx-auto -mt-16 max-w-6xl px-6">
          <SearchPreview />
        </section>

        <section className="mx-auto max-w-6xl px-6 py-20">
          <h2 className="text-2xl font-bold tracking-tight md:text-3xl">What we arrange</h2>
          <div className="mt-8 grid gap-6 md:grid-cols-3">
            {SERVICES.map((service) => (
              <article key={service.title} className="rounded-2xl border border-ink/10 bg-white/70 p-6 shadow-sm">
                <div className="h-1 w-10 rounded-full bg-accent" />
                <h3 className="mt-4 text-lg font-semibold">{service.title}</h3>
                <p className="mt-2 text-ink/70">{service.text}</p>
              </article>
            ))}
          </div>
        </section>
      </main>

      <footer className="border-t border-ink/10">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-6 py-8 text-sm text-ink/60 md:flex-row md:justify-between">
          <span>
            © {new Date().getFullYear()} {tenant.name}
          </span>
          {brand.tagline && <span>{brand.tagline}</span>}
        </div>
      </footer>
    </div>
  );
}
