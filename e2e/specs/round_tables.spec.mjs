import { test, expect } from '@playwright/test';
import { ADMIN, expectTouchFriendly, logIn, unique } from './helpers.mjs';

const ANI = { email: 'ani.wijaya@balai.demo', password: ADMIN.password };

test('live round table: one asks anonymously, a leader answers, the asker sees it without reloading', async ({ browser }) => {
  const ani = await (await browser.newContext()).newPage();
  await logIn(ani, ANI);
  await ani.goto('/round-tables');
  await ani.getByRole('link', { name: /Ask the board: November/ }).click();
  await expect(ani.getByText('Open now')).toBeVisible();
  await expect(ani.getByText(/Leaders answering: .*Sari Admin/)).toBeVisible();
  await expectTouchFriendly(ani);
  const question = unique('Apakah gaji ke-13 tetap ada');
  await ani.getByLabel('Your question').fill(question);
  await ani.getByText('Ask anonymously').click();
  await ani.getByRole('button', { name: 'Ask', exact: true }).click();
  const mine = ani.locator('.question', { hasText: question });
  await expect(mine).toContainText('Anonymous (you)');

  const admin = await (await browser.newContext()).newPage();
  await logIn(admin);
  await admin.goto(ani.url());
  const theirs = admin.locator('.question', { hasText: question });
  await expect(theirs).toContainText('Anonymous');
  await expect(theirs).not.toContainText('(you)');
  await expect(theirs).not.toContainText('Ani');
  await theirs.getByPlaceholder('Your answer').fill('Ya, tetap ada tahun ini.');
  await theirs.getByRole('button', { name: 'Answer' }).click();
  await expect(theirs.getByTestId('answer')).toContainText('Ya, tetap ada tahun ini.');

  // Ani's page refreshes itself while the round table is open.
  await expect(mine.getByTestId('answer')).toContainText('Ya, tetap ada tahun ini.', { timeout: 15_000 });
  await expect(mine).toContainText('answered');
});
