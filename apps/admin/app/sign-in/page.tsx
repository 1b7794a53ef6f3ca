import { BrandMark, RidgeLine } from '@himal/ui';
import { redirect } from 'next/navigation';
import { currentSession } from '../../lib/auth/current-session.ts';
import { currentRealm } from '../../lib/current-realm.ts';
import { realmIdentity } from '../../lib/realm-brand.ts';
import { SignInForm } from './sign-in-form.tsx';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await currentSession()) redirect('/');
  const identity = await realmIdentity(await currentRealm());
  const { callbackUrl } = await searchParams;

  return (
    <main className="grid min-h-screen md:grid-cols-2">
      <section className="relative hidden flex-col justify-between overflow-hidden bg-brand p-12 text-on-brand md:flex">
        <RidgeLine className="h-72" />
        <div className="relative flex items-center gap-3">
          <BrandMark name={identity.name} logoUrl={identity.brand.logoUrl} onBrand />
          <span className="text-lg font-semibold">{identity.name}</span>
        </div>
        <div className="relative mb-24">
          <p className="text-sm font-semibold tracking-[0.2em] text-accent uppercase">{identity.panel}</p>
          <p className="mt-3 max-w-md text-3xl leading-tight font-bold">
            {identity.brand.tagline ?? 'Run your travel business in one place.'}
          </p>
        </div>
      </section>

      <section className="flex items-center justify-center px-6 py-16">
        <div className="w-full max-w-sm">
          <div className="flex items-center gap-3 md:hidden">
            <BrandMark name={identity.name} logoUrl={identity.brand.logoUrl} />
            <span className="text-lg font-semibold">{identity.name}</span>
          </div>
          <h1 className="mt-8 text-2xl font-bold tracking-tight md:mt-0">Sign in</h1>
          <p className="mt-2 text-ink/60">{`${identity.panel} of ${identity.name}`}</p>
          <SignInForm callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : '/'} />
        </div>
      </section>
    </main>
  );
}
