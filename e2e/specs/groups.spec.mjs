import { test, expect } from '@playwright/test';
import { ADMIN, expectTouchFriendly, logIn, unique } from './helpers.mjs';

// A demo member who is in no group the test creates.
const ANI = { email: 'ani.wijaya@balai.demo', password: ADMIN.password };

test('a closed group: members read it, others only see that it exists and ask to join', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await logIn(page);
  await page.getByRole('link', { name: 'Groups' }).click();
  await expect(page.locator('.group-row').first()).toBeVisible();
  await page.getByText('New group').click();
  await expectTouchFriendly(page);
  const name = unique('Tim Audit');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Who can see it').selectOption('closed');
  await page.getByLabel('Tags').fill('audit q4');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('#audit')).toBeVisible();
  const groupUrl = page.url();
  const body = unique('Rencana audit');
  await page.getByPlaceholder('Write to the group…').fill(body);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.locator('.feed article.post').first()).toContainText(body);
  // The owner pins it: it shows above the group's feed.
  await page.locator('.feed article.post').first().getByRole('button', { name: /Pin/ }).click();
  await expect(page.locator('.pinned')).toContainText(body);
  await page.getByText('Members', { exact: true }).click();
  await expect(page.locator('details .list-row').first()).toContainText('Owner');
  await expectTouchFriendly(page);
  // Saved as a filter, the group is one tap from the home feed.
  const chip = unique('Audit chip');
  page.once('dialog', (dialog) => dialog.accept(chip));
  await page.getByRole('button', { name: '☆ Save as a filter' }).click();
  await expect(page.getByText('Saved: it is on your feed.')).toBeVisible();
  // The admin's home feed has it too, marked with the group.
  await page.getByRole('link', { name: 'Feed' }).click();
  await expect(page.locator('.feed article.post', { hasText: body })).toContainText(name);
  await page.getByRole('link', { name: chip }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('link', { name: 'Feed' }).click();

  // Ani is not a member: not in her feed, not readable on the group's page.
  const ani = await (await browser.newContext()).newPage();
  await logIn(ani, ANI);
  await expect(ani.locator('.feed article.post').first()).toBeVisible();
  await expect(ani.getByText(body)).toHaveCount(0);
  await ani.goto(groupUrl);
  await expect(ani.getByText('Only members can read this group.')).toBeVisible();
  await expect(ani.getByText(body)).toHaveCount(0);
  // Nor can she find it by searching for its words.
  await ani.goto(`/search?q=${encodeURIComponent(body)}`);
  await expect(ani.getByText('Nothing found.')).toBeVisible();
  await ani.goto(groupUrl);
  await ani.getByRole('button', { name: 'Ask to join' }).click();
  await expect(ani.getByText('Request sent')).toBeVisible();

  // The admin approves; now Ani reads it.
  await page.goto(groupUrl);
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  // The owner makes Ani a manager.
  await page.getByText('Members', { exact: true }).click();
  const aniRow = page.locator('details .list-row', { hasText: 'Ani Wijaya' });
  await aniRow.getByLabel('Role').selectOption('manager');
  await expect(aniRow.locator('.muted')).toHaveText('Manager');
  await ani.reload();
  await expect(ani.locator('.pinned').getByText(body)).toBeVisible();
  await expect(ani.locator('.feed').getByText(body)).toBeVisible();
  await expect(ani.getByRole('button', { name: 'Leave' })).toBeVisible();
  // Now search finds it, the matching words marked.
  await ani.goto(`/search?q=${encodeURIComponent(body)}`);
  await expect(ani.locator('.snippet mark').first()).toBeVisible();
  await expectTouchFriendly(ani);
  // Searching for the group's name finds the group, its name one line with the words marked.
  await ani.goto(`/search?q=${encodeURIComponent(name)}`);
  const hit = ani.locator('a.group-link', { hasText: name });
  await expect(hit.locator('mark')).toHaveCount(3);
  expect((await hit.boundingBox()).height).toBeLessThan(50);
});
