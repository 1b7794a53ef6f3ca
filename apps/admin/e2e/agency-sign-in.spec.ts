import { hashPassword, sessionSecretFor } from '@himal/auth';
import { closeSharedPool, createTenant, disconnectControlDb, findTenantBySlug } from '@himal/db';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { ADMIN_PORT, agencyPanelUrl, requestWithHost } from '../../../playwright/hosts.ts';
import { collectCspViolations } from '../../../playwright/csp.ts';
import { DEMO_TENANTS } from '../../../scripts/lib/seed-demo.ts';
import { sessionCookieOf, signInAs } from './sign-in.ts';

const [everest, lumbini] = DEMO_TENANTS as [(typeof DEMO_TENANTS)[number], (typeof DEMO_TENANTS)[number]];
const everestPanel = agencyPanelUrl('everest').replace(/\/$/, '');
const lumbiniPanel = agencyPanelUrl('lumbini').replace(/\/$/, '');
const everestAdmin = { email: everest.adminEmail, password: everest.adminPassword };

test('the agency panel sends a visitor without a session to its branded sign-in page', async ({ page }) => {
  const violations = collectCspViolations(page);
  await page.goto(`${everestPanel}/`);
  await expect(page).toHaveURL(`${everestPanel}/sign-in`);
  await expect(page.getByText(`Agency admin of ${everest.name}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', 'rgb(29, 78, 216)');
  expect(violations).toEqual([]);
});

test('an agency admin signs in and sees the dashboard of their agency', async ({ page }) => {
  const violations = collectCspViolations(page);
  await signInAs(page, everestPanel, everestAdmin);
  await expect(page.getByTestId('agency-name')).toHaveText(everest.name);
  await expect(page.getByTestId('signed-in-user')).toHaveText(everest.adminName!);
  await expect(page.getByTestId('user-role')).toHaveText('Owner');
  await expect(page.getByTestId('user-email')).toHaveText(everest.adminEmail);

  // Host-only: no Domain attribute, so the cookie never reaches another agency's subdomain.
  const cookie = await sessionCookieOf(page);
  expect(cookie.domain).toBe('everest.admin.localhost');
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Lax');
  expect(violations).toEqual([]);
});

test("everest's session cookie replayed on lumbini's panel is refused", async ({ page, browser }) => {
  await signInAs(page, everestPanel, everestAdmin);
  const stolen = await sessionCookieOf(page);

  const attacker = await browser.newContext();
  await attacker.addCookies([
    { name: stolen.name, value: stolen.value, domain: 'lumbini.admin.localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const attackerPage = await attacker.newPage();
  await attackerPage.goto(`${lumbiniPanel}/`);
  await expect(attackerPage).toHaveURL(`${lumbiniPanel}/sign-in`);
  await expect(attackerPage.getByText(`Agency admin of ${lumbini.name}`)).toBeVisible();

  const session = await attackerPage.evaluate(() => fetch('/api/auth/session').then((r) => r.json()));
  expect(session).toEqual({});
  await attacker.close();
});

test("an agency's users cannot sign in to another agency's panel", async ({ page }) => {
  await page.goto(`${lumbiniPanel}/sign-in`);
  await page.getByLabel('Email').fill(everestAdmin.email);
  await page.getByLabel('Password').fill(everestAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('That email and password do not match an account here.');
  await expect(page).toHaveURL(`${lumbiniPanel}/sign-in`);
});

test('a wrong password is refused', async ({ page }) => {
  await page.goto(`${everestPanel}/sign-in`);
  await page.getByLabel('Email').fill(everestAdmin.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toBeVisible();
  expect((await page.context().cookies()).some((c) => c.name.endsWith('himal-admin.session'))).toBe(false);
});

test('after 5 wrong passwords an account is refused for a while, even with the right one', async ({ page }) => {
  const slug = `guess-${randomBytes(4).toString('hex')}`;
  const owner = { email: `owner@${slug}.test`, password: 'the right password 2026' };
  await createTenant({
    slug,
    name: 'Guessing Target Treks',
    adminEmail: owner.email,
    adminPasswordHash: await hashPassword(owner.password),
  });
  const panel = agencyPanelUrl(slug).replace(/\/$/, '');
  const attempt = async (password: string) => {
    await page.goto(`${panel}/sign-in`);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page.locator('form').getByRole('alert');
  };
  for (let i = 0; i < 5; i++) {
    await expect(await attempt(`wrong guess ${i}`)).toHaveText('That email and password do not match an account here.');
  }
  await expect(await attempt(owner.password)).toHaveText(/Too many wrong passwords/);
  expect((await page.context().cookies()).some((c) => c.name.endsWith('himal-admin.session'))).toBe(false);
});

test('signing out ends the session on the server: the old cookie opens nothing', async ({ page }) => {
  await signInAs(page, everestPanel, everestAdmin);
  const cookie = await sessionCookieOf(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${everestPanel}/sign-in`);
  await page.goto(`${everestPanel}/`);
  await expect(page).toHaveURL(`${everestPanel}/sign-in`);

  // The cookie as it was before signing out, replayed (a copy on another device, a stolen one).
  const replayed = await requestWithHost(ADMIN_PORT, `everest.admin.localhost:${ADMIN_PORT}`, '/api/auth/session', {
    headers: { cookie: `${cookie.name}=${cookie.value}` },
  });
  expect(JSON.parse(replayed.body)).toEqual({});
  const panel = await requestWithHost(ADMIN_PORT, `everest.admin.localhost:${ADMIN_PORT}`, '/', {
    headers: { cookie: `${cookie.name}=${cookie.value}` },
  });
  expect(panel.status).toBe(307);
  expect(panel.headers.location).toContain('/sign-in');
});

test("a client guessing an account's password cannot lock its owner out elsewhere", async ({ page, browser }) => {
  const slug = `lockout-${randomBytes(4).toString('hex')}`;
  const owner = { email: `owner@${slug}.test`, password: 'the owner knows this 2026' };
  await createTenant({
    slug,
    name: 'Lockout Target Treks',
    adminEmail: owner.email,
    adminPasswordHash: await hashPassword(owner.password),
  });
  const panel = agencyPanelUrl(slug).replace(/\/$/, '');

  // The guesser comes from one address (a load balancer in front of the app names it).
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.66' });
  for (let i = 0; i < 6; i++) {
    await page.goto(`${panel}/sign-in`);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(`guess ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form').getByRole('alert')).toBeVisible();
  }
  await expect(page.locator('form').getByRole('alert')).toHaveText(/Too many wrong passwords/);

  const ownersBrowser = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.10' } });
  const ownersPage = await ownersBrowser.newPage();
  await signInAs(ownersPage, panel, owner);
  await ownersBrowser.close();
});

test('a sign-in POST without the CSRF token is rejected', async () => {
  const response = await requestWithHost(ADMIN_PORT, `everest.admin.localhost:${ADMIN_PORT}`, '/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      email: everestAdmin.email,
      password: everestAdmin.password,
      callbackUrl: '/',
      json: 'true',
    }).toString(),
  });
  expect(JSON.parse(response.body).url).toContain('csrf=true');
  expect(String(response.headers['set-cookie'] ?? '')).not.toContain('himal-admin.session=ey');
});

test('an external callbackUrl does not take the user off the panel', async ({ page }) => {
  await page.goto(`${everestPanel}/sign-in?callbackUrl=${encodeURIComponent('https://evil.example/steal')}`);
  await page.getByLabel('Email').fill(everestAdmin.email);
  await page.getByLabel('Password').fill(everestAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${everestPanel}/`);
});

test("a token under lumbini's key that claims everest's realm is refused too", async () => {
  // The per-realm key already stops a replayed cookie; this pins the second lock, the realm claim.
  const [everestTenant, lumbiniTenant] = await Promise.all([findTenantBySlug('everest'), findTenantBySlug('lumbini')]);
  const token = await encode({
    secret: sessionSecretFor(`tenant:${lumbiniTenant!.id}`),
    token: {
      sub: 'someone',
      name: 'Someone',
      email: 'someone@everest.test',
      realm: `tenant:${everestTenant!.id}`,
      role: 'owner',
    },
  });
  const response = await requestWithHost(ADMIN_PORT, `lumbini.admin.localhost:${ADMIN_PORT}`, '/api/auth/session', {
    headers: { cookie: `himal-admin.session=${token}` },
  });
  expect(JSON.parse(response.body)).toEqual({});
  expect(String(response.headers['set-cookie'])).toContain('himal-admin.session=;');
  await disconnectControlDb();
  await closeSharedPool();
});
