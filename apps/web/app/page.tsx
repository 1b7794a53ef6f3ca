import { BrandMark } from '@himal/ui';
import { tenantBrand } from '@himal/ui/next';
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
          <BrandMark name={tenant.name} logoUrl={brand.logoUrl} />
          <span data-testid="agency-name" className="text-lg font-semibold tracking-tight">
            {tenant.name}
          </span>
        </div>
      </header>

      <main className="flex-1">
        <section data-testid="hero" className="relative overflow-hidden bg-brand text-on-brand">
          <Mountains />
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

/** A ridge line behind the hero copy; purely decorative. */
function Mountains() {
  return (
    <svg aria-hidden="true" viewBox="0 0 1440 320" preserveAspectRatio="none" className="absolute inset-x-0 bottom-0 h-48 w-full md:h-64">
      <path
        className="fill-on-brand/10"
        d="M0 320 L0 230 L160 150 L260 200 L420 70 L560 190 L700 110 L820 180 L980 40 L1120 170 L1260 120 L1440 210 L1440 320 Z"
      />
      <path className="fill-on-brand/15" d="M0 320 L0 270 L200 210 L380 260 L600 180 L800 250 L1040 190 L1240 250 L1440 230 L1440 320 Z" />
    </svg>
  );
}
