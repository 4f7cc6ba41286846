// Signing in and out with the keyboard alone: the back office sends a
// stranger to the sign-in form, a wrong password is reported next to the
// field, the right one opens the dashboard, and signing out ends the session.
// The account is made with `kizuna user add` before the server starts.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { addUser, formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const EMAIL = 'coordinator@ki.se';
const PASSWORD = 'a long enough passphrase for tests';

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the element with `id` has focus. */
async function tabTo(page, id, max = 40) {
  for (let i = 0; i < max; i += 1) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached #${id}`);
}

async function assertClean(page, what) {
  const axe = await seriousAxeViolations(page);
  assert.deepEqual(axe.serious, [], `${what}: ${formatViolations(axe.serious)}`);
  const problems = await page.problems();
  assert.deepEqual(problems.pageErrors, [], `${what}: page errors`);
  assert.deepEqual(problems.cspViolations, [], `${what}: CSP violations`);
}

describe('signing in', () => {
  let env;
  before(async () => {
    env = await startAll({ setup: ({ dataDir }) => addUser(dataDir, EMAIL, 'admin', PASSWORD) });
  });
  after(async () => { await env?.stop(); });

  it('sends a stranger from /admin to the sign-in form, which passes axe', async () => {
    const page = await openPage(env.browser.context);
    try {
      const response = await page.goto(`${env.baseUrl}/admin`);
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/admin');
      assert.equal(await page.locator('h1').textContent(), 'Sign in');
      assert.equal(await page.getByLabel('E-mail address').count(), 1);
      assert.equal(await page.getByLabel('Password').count(), 1);
      await assertClean(page, '/login');
    } finally {
      await page.close();
    }
  });

  it('styles the password field like the e-mail field', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${env.baseUrl}/login`);
      const look = (id) => page.locator(`#${id}`).evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.borderTopWidth, s.borderTopColor, s.borderRadius, s.paddingLeft, s.fontSize, s.width];
      });
      assert.deepEqual(await look('login-password'), await look('login-email'));
    } finally {
      await page.close();
    }
  });

  it('reports a wrong password next to the field', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${env.baseUrl}/login`);
      await tabTo(page, 'login-email');
      await page.keyboard.type(EMAIL);
      await page.keyboard.press('Tab');
      assert.equal(await focusedId(page), 'login-password');
      await page.keyboard.type('not the right password');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      const error = page.locator('#login-password-error');
      assert.match(await error.textContent(), /not right/);
      assert.equal(await page.locator('#login-password').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#login-email').inputValue(), EMAIL, 'the address is kept');
      await assertClean(page, 'the form with an error');
    } finally {
      await page.close();
    }
  });

  it('signs in with the keyboard, shows the dashboard and signs out', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${env.baseUrl}/login?next=%2Fadmin`);
      await tabTo(page, 'login-email');
      await page.keyboard.type(EMAIL);
      await page.keyboard.press('Tab');
      await page.keyboard.type(PASSWORD);
      await Promise.all([page.waitForURL(`${env.baseUrl}/admin`), page.keyboard.press('Enter')]);

      assert.equal(await page.locator('h1').textContent(), 'Dashboard');
      assert.match(await page.locator('.sign-out').textContent(), new RegExp(EMAIL));
      const nav = page.getByRole('navigation', { name: 'Back office' });
      assert.equal(await nav.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current'), 'page');
      for (const heading of ['Drafts', 'Agreements by partner country', 'Agreements by kind']) {
        assert.equal(await page.getByRole('heading', { name: heading }).count(), 1, heading);
      }
      const cookies = await env.browser.context.cookies(env.baseUrl);
      const session = cookies.find((c) => c.name === 'kizuna_session');
      assert.ok(session, 'a session cookie is set');
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Lax');
      assert.equal(await page.evaluate(() => document.cookie.includes('kizuna_session')), false);
      await assertClean(page, '/admin');

      // Sign out with the keyboard too.
      await page.locator('.sign-out button').focus();
      await Promise.all([page.waitForURL(/\/login\?signed_out=1$/), page.keyboard.press('Enter')]);
      assert.match(await page.locator('main [role="status"]').textContent(), /signed out/);
      await page.goto(`${env.baseUrl}/admin`);
      assert.equal(new URL(page.url()).pathname, '/login', 'the session has ended');
    } finally {
      await page.close();
    }
  });
});
