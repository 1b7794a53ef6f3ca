import { listTenants } from '@himal/db';

/** The platform console's home: every agency on the platform and whether it is live. */
export async function TenantDirectory() {
  const tenants = await listTenants();
  return (
    <section>
      <h1 className="text-2xl font-bold tracking-tight">Agencies</h1>
      <p className="mt-1 text-ink/60">
        {tenants.length} {tenants.length === 1 ? 'agency' : 'agencies'} on the platform.
      </p>
      <div className="mt-8 overflow-hidden rounded-xl border border-ink/10 bg-white shadow-sm">
        <table data-testid="tenant-table" className="w-full text-left text-sm">
          <thead className="bg-ink/5 text-xs tracking-wide text-ink/60 uppercase">
            <tr>
              <th className="px-5 py-3 font-semibold">Slug</th>
              <th className="px-5 py-3 font-semibold">Name</th>
              <th className="px-5 py-3 font-semibold">Status</th>
              <th className="px-5 py-3 font-semibold">Custom domains</th>
              <th className="px-5 py-3 font-semibold">Created</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-ink/10">
            {tenants.map((tenant) => (
              <tr key={tenant.id} data-testid={`tenant-${tenant.slug}`}>
                <td className="px-5 py-3 font-mono">{tenant.slug}</td>
                <td className="px-5 py-3 font-medium">{tenant.name}</td>
                <td className="px-5 py-3">
                  <span
                    className={
                      tenant.status === 'active'
                        ? 'rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-semibold text-emerald-700'
                        : 'rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-semibold text-amber-800'
                    }
                  >
                    {tenant.status}
                  </span>
                </td>
                <td className="px-5 py-3 text-ink/70">{tenant.domains.join(', ') || '—'}</td>
                <td className="px-5 py-3 text-ink/70">{tenant.createdAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
