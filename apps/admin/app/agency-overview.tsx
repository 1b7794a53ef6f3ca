import type { Tenant } from '@himal/db';
import type { Session } from 'next-auth';

const ROLE_LABELS: Record<string, string> = { owner: 'Owner', admin: 'Administrator', agent: 'Agent', finance: 'Finance' };

/** The agency panel's home: who is signed in, for which agency. Bookings and staff screens come later. */
export function AgencyOverview({ tenant, user }: { tenant: Tenant; user: Session['user'] }) {
  return (
    <section>
      <h1 className="text-2xl font-bold tracking-tight">
        Welcome, <span>{user.name}</span>
      </h1>
      <p className="mt-1 text-ink/60">You are signed in to the admin panel of {tenant.name}.</p>
      <dl className="mt-8 grid gap-4 sm:grid-cols-3">
        <Fact label="Agency" value={tenant.name} testId="agency-name" />
        <Fact label="Your role" value={ROLE_LABELS[user.role] ?? user.role} testId="user-role" />
        <Fact label="Signed in as" value={user.email} testId="user-email" />
      </dl>
    </section>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-xl border border-ink/10 bg-white p-5 shadow-sm">
      <dt className="text-xs font-semibold tracking-wide text-ink/50 uppercase">{label}</dt>
      <dd data-testid={testId} className="mt-1 truncate text-lg font-semibold">
        {value}
      </dd>
    </div>
  );
}
