import { test, expect } from '@playwright/test';
import { holdAnswers, logIn, unique, expectTouchFriendly } from './helpers.mjs';

test('invite, accept, log in as the new person; deactivating them sends their next action to login', async ({ browser }) => {
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await logIn(admin);
  await admin.getByRole('link', { name: 'People' }).click();
  await admin.getByRole('link', { name: 'Manage people' }).click();
  const email = `${unique('new').replace(/\s/g, '.')}@balai.demo`.toLowerCase();
  await admin.getByLabel('Email').fill(email);
  await admin.getByRole('button', { name: 'Invite by email' }).click();
  const link = await admin.locator('output.secret').textContent();
  expect(link).toMatch(/\/invite\/[0-9a-f]{64}$/);

  // The invitee opens the link on their own phone.
  const newCtx = await browser.newContext();
  const person = await newCtx.newPage();
  await person.goto(link);
  await person.getByLabel('Your full name').fill('Rudi Hartono');
  await person.getByLabel('Choose a password').fill('rudi-password-1');
  await person.getByRole('button', { name: 'Join' }).click();
  await expect(person.locator('article.post').first()).toBeVisible();

  // Logging in again later works with the new password.
  await person.getByRole('link', { name: 'Settings' }).click();
  await person.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(person).toHaveURL(/\/login$/);
  await person.getByLabel('Email or login').fill(email);
  await person.getByLabel('Password').fill('rudi-password-1');
  await person.getByRole('button', { name: 'Log in' }).click();
  await expect(person.locator('article.post').first()).toBeVisible();

  // A lost phone: the admin logs them out everywhere; their next action asks them to log in.
  await admin.reload();
  // In a company of thousands the admin finds them by name or email.
  const people = admin.getByTestId('people');
  await people.getByRole('searchbox').fill(email);
  await people.getByRole('button', { name: 'Search' }).click();
  await expect(people.locator('li.list-row')).toHaveCount(1);
  const row = people.locator('li.list-row', { hasText: email });
  // A person's actions are folded behind "Manage", so the list stays short on a phone.
  await expect(row.getByRole('button', { name: 'Log out everywhere' })).toBeHidden();
  await row.getByText('Manage', { exact: true }).click();
  admin.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Log out everywhere' }).click();
  await expect(row.getByRole('status')).toContainText('Logged out everywhere');
  await person.getByRole('link', { name: 'Settings' }).click();
  await expect(person).toHaveURL(/\/login$/);
  await person.getByLabel('Email or login').fill(email);
  await person.getByLabel('Password').fill('rudi-password-1');
  await person.getByRole('button', { name: 'Log in' }).click();
  await expect(person.locator('article.post').first()).toBeVisible();

  // A right granted shows on the row, so the admin sees who holds what without opening each.
  await row.getByRole('button', { name: 'Announces: no' }).click();
  await expect(row.getByText('📣 announces', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Announces: yes' }).click();
  await expect(row.getByText('📣 announces', { exact: true })).toHaveCount(0);

  // Handing administration over: the admin makes Rudi an admin, and his next load has it.
  admin.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Admin: no' }).click();
  await expect(row.getByRole('button', { name: 'Admin: yes' })).toHaveAttribute('aria-pressed', 'true');
  await expect(row).toContainText(`${email} · admin`);
  await person.goto('/people/manage');
  await expect(person.getByTestId('people')).toContainText(email);
  // ...and a member again: the page is closed to him at once.
  admin.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Admin: yes' }).click();
  await expect(row).toContainText(`${email} · member`);
  await person.reload();
  await expect(person.getByText('This page does not exist.')).toBeVisible();
  await expect(person.getByTestId('people')).toHaveCount(0);
  await person.goto('/');
  await expect(person.locator('article.post').first()).toBeVisible();

  // The admin offboards them while their feed is open...
  admin.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: /Deactivate/ }).click();
  await expect(row).toContainText('former employee');

  // ...and their very next action lands on the login page.
  await person.getByLabel('Share news with the company…').fill('Masih bisa?');
  await person.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(person).toHaveURL(/\/login$/);
  await person.getByLabel('Email or login').fill(email);
  await person.getByLabel('Password').fill('rudi-password-1');
  await person.getByRole('button', { name: 'Log in' }).click();
  await expect(person.getByRole('alert')).toContainText('deactivated');
  await adminCtx.close();
  await newCtx.close();
});

test('an access code lets staff without email join', async ({ browser }) => {
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await logIn(admin);
  await admin.getByRole('link', { name: 'People' }).click();
  await admin.getByRole('link', { name: 'Manage people' }).click();
  await admin.getByRole('button', { name: /New access code/ }).click();
  const code = (await admin.locator('output.secret').textContent()).trim();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByRole('link', { name: 'Have an access code?' }).click();
  await page.getByLabel('Access code').fill(code.toLowerCase());
  await page.getByLabel('Choose a login name').fill(unique('driver').replace(/\s/g, '.'));
  await page.getByLabel('Your full name').fill('Pak Slamet');
  await page.getByLabel('Choose a password').fill('slamet-password');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('article.post').first()).toBeVisible();
  // The same code cannot be used twice.
  const again = await ctx.newPage();
  await again.context().clearCookies();
  await again.goto('/join');
  await again.getByLabel('Access code').fill(code);
  await again.getByLabel('Choose a login name').fill('someone.else');
  await again.getByLabel('Your full name').fill('Someone');
  await again.getByLabel('Choose a password').fill('someone-password');
  await again.getByRole('button', { name: 'Join' }).click();
  await expect(again.getByRole('alert')).toContainText('already been used');
  await adminCtx.close();
  await ctx.close();
});

test('a forgotten password: the admin passes on a reset link; a changed one logs out other devices', async ({ browser }) => {
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await logIn(admin);
  await admin.goto('/people/manage');
  await admin.getByRole('button', { name: /New access code/ }).click();
  const code = (await admin.locator('output.secret').textContent()).trim();
  const login = unique('picker').replace(/\s/g, '.');
  const phoneCtx = await browser.newContext();
  const phone = await phoneCtx.newPage();
  await phone.goto('/join');
  await phone.getByLabel('Access code').fill(code);
  await phone.getByLabel('Choose a login name').fill(login);
  await phone.getByLabel('Your full name').fill('Bu Wulan');
  await phone.getByLabel('Choose a password').fill('wulan-password-1');
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone.locator('article.post').first()).toBeVisible();

  // She forgets it: the login page says whom to ask, and the admin issues a link.
  const laterCtx = await browser.newContext();
  const later = await laterCtx.newPage();
  await later.goto('/login');
  await expect(later.getByText('Forgot your password? Ask your admin for a reset link.')).toBeVisible();
  const people = admin.getByTestId('people');
  await people.getByRole('searchbox').fill(login);
  await people.getByRole('button', { name: 'Search' }).click();
  const row = people.locator('li.list-row', { hasText: login });
  await row.getByText('Manage', { exact: true }).click();
  await row.getByRole('button', { name: 'Password reset link' }).click();
  await expect(row.locator('.notice.issued')).toContainText('It works once, for 24 hours');
  const link = (await row.locator('output.secret').textContent()).trim();
  expect(link).toMatch(/\/reset\/[0-9a-f]{64}$/);

  await later.goto(link);
  await later.getByLabel('New password').fill('wulan-password-2');
  await later.getByRole('button', { name: 'Save password' }).click();
  await expect(later.locator('article.post').first()).toBeVisible();
  // The phone's old session ended: its next step asks to log in.
  await phone.getByRole('link', { name: 'Settings' }).click();
  await expect(phone).toHaveURL(/\/login$/);
  // The link works once.
  const again = await browser.newContext();
  const third = await again.newPage();
  await third.goto(link);
  await third.getByLabel('New password').fill('wulan-password-3');
  await third.getByRole('button', { name: 'Save password' }).click();
  await expect(third.getByRole('alert')).toContainText('already been used');

  // Later she changes it herself in Settings: the other device is logged out, this one stays.
  await logIn(phone, { email: login, password: 'wulan-password-2' });
  await later.getByRole('link', { name: 'Settings' }).click();
  await later.getByLabel('Current password').fill('wrong-password');
  await later.getByLabel('New password').fill('wulan-password-4');
  await later.getByRole('button', { name: 'Change password' }).click();
  await expect(later.getByRole('alert')).toContainText('not your current password');
  await later.getByLabel('Current password').fill('wulan-password-2');
  await later.getByRole('button', { name: 'Change password' }).click();
  await expect(later.getByText('Password changed. Your other devices are logged out.')).toBeVisible();
  await expectTouchFriendly(later);
  await phone.reload();
  await expect(phone).toHaveURL(/\/login$/);
  await later.reload();
  await expect(later.getByRole('heading', { name: 'Change password' })).toBeVisible();
  await adminCtx.close();
  await phoneCtx.close();
  await laterCtx.close();
  await again.close();
});

test('an admin issues an API token for the innovation tracker, sees it once, and revokes it', async ({ page }) => {
  await logIn(page);
  await page.goto('/people/manage');
  const tokens = page.getByTestId('api-tokens');
  const name = unique('Jira');
  await tokens.getByLabel('System name').fill(name);
  await tokens.getByRole('button', { name: 'Issue token' }).click();
  await expect(tokens.locator('output.secret')).toHaveText(/^balai_[0-9a-f]{64}$/);
  const row = tokens.locator('.list-row', { hasText: name });
  await expect(row).toContainText('never used');
  page.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Withdraw' }).click();
  await expect(row).toContainText('revoked');
  await page.reload();
  await expect(tokens.locator('output.secret')).toHaveCount(0);
  await expect(tokens.locator('.list-row', { hasText: name })).toContainText('revoked');

  // Both are in the audit log, newest first, by name; a tap narrows it to one person.
  const log = page.getByTestId('audit-log');
  const entries = log.locator('.audit-entry', { hasText: name });
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('withdrew the API token');
  await expect(entries.nth(1)).toContainText('issued the API token');
  await entries.nth(0).getByRole('button', { name: 'Sari Admin' }).click();
  const only = log.getByRole('button', { name: 'Only about Sari Admin ✕' });
  await expect(only).toBeVisible();
  await expect(entries).toHaveCount(2);
  await expectTouchFriendly(page);
  await only.click();
  await expect(only).toHaveCount(0);
});

test.describe('on a network that answers out of order', () => {
  test.use({ serviceWorkers: 'block' });

  test('a directory search is not replaced by the slower full list it was typed over', async ({ page }) => {
    await logIn(page);
    const everyone = (url) => new URL(url).searchParams.get('q') === '';
    const deliverEveryone = await holdAnswers(page, /\/api\/directory\?/, everyone);
    await page.goto('/people');
    await page.locator('#people-q').fill('Dewi');
    await page.getByRole('button', { name: 'Search' }).click();
    const rows = page.getByTestId('person');
    await expect(rows.first()).toContainText('Dewi');
    const found = await rows.count();

    await deliverEveryone();
    await expect(rows).toHaveCount(found);
    for (const text of await rows.allTextContents()) expect(text).toContain('Dewi');
  });
});
