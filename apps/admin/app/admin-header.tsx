import { BrandMark, type BrandTheme } from '@himal/ui';
import type { Session } from 'next-auth';
import { SignOutButton } from './sign-out-button.tsx';

export function AdminHeader({
  identity,
  user,
}: {
  identity: { name: string; panel: string; brand: BrandTheme };
  user: Session['user'];
}) {
  return (
    <header className="bg-brand text-on-brand">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-6 py-4">
        <div className="flex items-center gap-3">
          <BrandMark name={identity.name} logoUrl={identity.brand.logoUrl} onBrand />
          <div className="leading-tight">
            <div data-testid="realm-name" className="font-semibold">
              {identity.name}
            </div>
            <div className="text-sm opacity-75">{identity.panel}</div>
          </div>
        </div>
        <div className="flex items-center gap-4">
          <div className="hidden text-right text-sm leading-tight sm:block">
            <div data-testid="signed-in-user" className="font-medium">
              {user.name}
            </div>
            <div className="opacity-75">{user.email}</div>
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
