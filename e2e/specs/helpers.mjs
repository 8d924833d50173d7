import { expect } from '@playwright/test';

export const ADMIN = { email: 'admin@balai.demo', password: 'balai-demo-2026' };

export async function logIn(page, { email, password } = ADMIN) {
  await page.goto('/login');
  await page.getByLabel('Email or login').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** Something unique, so tests never collide with seeded data or each other. */
export function unique(prefix) {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
