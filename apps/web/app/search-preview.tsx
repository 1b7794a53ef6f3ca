const TABS = ['Flights', 'Hotels', 'Travel insurance'];

const FIELDS = [
  { label: 'From', placeholder: 'Kathmandu (KTM)' },
  { label: 'To', placeholder: 'Where to?' },
  { label: 'Dates', placeholder: 'Depart – Return' },
  { label: 'Travellers', placeholder: '1 adult' },
];

/**
 * The shape of the search the site will offer. Disabled and labelled as such until aggregated
 * supplier search is wired in: a traveller must never mistake it for a working booking form.
 */
export function SearchPreview() {
  return (
    <div className="rounded-2xl bg-white p-6 text-slate-900 shadow-xl ring-1 ring-black/5">
      <div className="flex flex-wrap gap-2" aria-hidden="true">
        {TABS.map((tab, index) => (
          <span
            key={tab}
            className={
              index === 0
                ? 'rounded-full bg-brand px-4 py-1.5 text-sm font-medium text-on-brand'
                : 'rounded-full px-4 py-1.5 text-sm font-medium text-slate-500'
            }
          >
            {tab}
          </span>
        ))}
      </div>
      <form aria-describedby="search-status" className="mt-5">
        <fieldset disabled className="grid gap-4 md:grid-cols-[repeat(4,1fr)_auto] md:items-end">
          {FIELDS.map((field) => (
            <label key={field.label} className="block">
              <span className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{field.label}</span>
              <input
                placeholder={field.placeholder}
                className="mt-1 w-full cursor-not-allowed rounded-lg border border-slate-200 bg-slate-50 px-3 py-2.5 text-slate-900 placeholder:text-slate-400"
              />
            </label>
          ))}
          <button
            type="submit"
            className="cursor-not-allowed rounded-lg bg-accent px-6 py-2.5 font-semibold text-on-accent opacity-60"
          >
            Search
          </button>
        </fieldset>
      </form>
      <p id="search-status" className="mt-4 text-sm text-slate-500">
        Online search and booking are coming soon.
      </p>
    </div>
  );
}
