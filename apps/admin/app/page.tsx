import { redirect } from 'next/navigation';
import { currentSession } from '../lib/auth/current-session.ts';
import { currentRealm } from '../lib/current-realm.ts';
import { realmIdentity } from '../lib/realm-brand.ts';
import { AdminHeader } from './admin-header.tsx';
import { AgencyOverview } from './agency-overview.tsx';
import { TenantDirectory } from './tenant-directory.tsx';

export default async function DashboardPage() {
  const session = await currentSession();
  if (!session) redirect('/sign-in');
  const realm = await currentRealm();
  const identity = await realmIdentity(realm);

  return (
    <div className="min-h-screen">
      <AdminHeader identity={identity} user={session.user} />
      <main className="mx-auto max-w-6xl px-6 py-10">
        {realm.kind === 'platform' ? <TenantDirectory /> : <AgencyOverview tenant={realm.tenant} user={session.user} />}
      </main>
    </div>
  );
}
