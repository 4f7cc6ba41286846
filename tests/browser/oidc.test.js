// Single sign-on end to end against a real OpenID Connect provider
// (tests/oidc/provider.js: panva's oidc-provider on 127.0.0.1), with
// password sign-in turned off (KIZUNA_PASSWORD_LOGIN=false).
//
// Success: the first sign-in makes the account with the role its groups map
// to, and it reaches /admin; signing out works through the session's CSRF
// token. Refused, each with its message and no session: an answer whose state
// is not the session's, an answer replayed, an ID token whose nonce is not the
// session's, a person in no mapped group (no account made), a disabled account.
//
// The wrong nonce is made the way an attacker would inject a code made for
// another sign-in: the sign-in is started with a plain request (no browser),
// its authorization URL is given another nonce, and the browser, holding that
// session's cookie, signs in at the provider there; the provider signs an ID
// token for the other nonce, whose state and PKCE verifier are right, and
// Kizuna must refuse it. The wrong state: a sign-in is started twice in one
// session and the browser finishes the first, whose state the session no
// longer holds. (Playwright's request routing cannot rewrite these requests:
// it does not see requests that follow a redirect.)

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { CLIENT_ID, CLIENT_SECRET, PEOPLE, freePort, startProvider } from '../oidc/provider.js';
import { addUser, formatViolations, openPage, runKizuna, seriousAxeViolations, startAll } from './support/harness.js';

const ROLES = `
[oidc.roles]
"kizuna-admins" = { role = "admin" }
"cmb-coordinators" = { role = "editor", units = ["cmb"] }
"staff" = { role = "viewer" }
`;

async function assertClean(page, what) {
  const axe = await seriousAxeViolations(page);
  assert.deepEqual(axe.serious, [], `${what}: ${formatViolations(axe.serious)}`);
  const problems = await page.problems();
  assert.deepEqual(problems.pageErrors, [], `${what}: page errors`);
  assert.deepEqual(problems.cspViolations, [], `${what}: CSP violations`);
}

describe('single sign-on with OpenID Connect', () => {
  let env;
  let provider;
  const kizunaPort = { value: 0 };

  before(async () => {
    kizunaPort.value = await freePort();
    const redirectUri = `http://127.0.0.1:${kizunaPort.value}/login/oidc/callback`;
    provider = await startProvider({ redirectUri });
    env = await startAll({
      port: kizunaPort.value,
      env: {
        KIZUNA_OIDC_ISSUER: provider.issuer,
        KIZUNA_OIDC_CLIENT_ID: CLIENT_ID,
        KIZUNA_OIDC_CLIENT_SECRET: CLIENT_SECRET,
        KIZUNA_OIDC_REDIRECT_URL: redirectUri,
        KIZUNA_PASSWORD_LOGIN: 'false',
      },
      setup: async ({ dataDir }) => {
        writeFileSync(join(dataDir, 'kizuna.toml'), ROLES);
        await addUser(dataDir, PEOPLE.dora.email, 'admin', 'a long enough passphrase for tests');
        await runKizuna(['user', 'disable', PEOPLE.dora.email, '--data-dir', dataDir], { cwd: dataDir });
      },
    });
  });
  after(async () => {
    await env?.stop();
    await provider?.stop();
  });

  const accounts = () => runKizuna(['user', 'list', '--data-dir', env.server.dataDir], { cwd: env.server.dataDir });

  /**
   * Starts a sign-in with a plain request in the session of `cookie` (a new
   * one when not given). Returns the session cookie and the provider URL.
   */
  async function startOutsideTheBrowser(cookie) {
    const res = await fetch(`${env.baseUrl}/login/oidc?next=%2Fadmin`, {
      redirect: 'manual',
      headers: cookie ? { cookie: `kizuna_session=${cookie}` } : {},
    });
    assert.equal(res.status, 303);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('kizuna_session='));
    return { cookie: set ? set.split(';')[0].split('=')[1] : cookie, location: res.headers.get('location') };
  }

  /**
   * Opens a fresh page with no cookies (neither Kizuna's nor the provider's),
   * follows "Sign in with your university account" from /login?next=/admin
   * (or, given `started`, takes that session's cookie and goes to its provider
   * URL) and signs in at the provider as `login`. Returns the page and the
   * response of the callback, once the browser is back on Kizuna.
   */
  async function signInAs(login, { started } = {}) {
    await env.browser.context.clearCookies();
    const page = await openPage(env.browser.context);
    let callback = null;
    page.on('response', (r) => {
      if (r.url().startsWith(`${env.baseUrl}/login/oidc/callback`)) callback = r;
    });
    if (started) {
      await env.browser.context.addCookies([{ name: 'kizuna_session', value: started.cookie, url: env.baseUrl }]);
      await page.goto(started.location);
    } else {
      await page.goto(`${env.baseUrl}/login?next=%2Fadmin`);
      await page.getByRole('link', { name: 'Sign in with your university account' }).click();
    }
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password will do');
    await Promise.all([
      page.waitForURL((url) => url.origin === env.baseUrl, { waitUntil: 'load' }),
      page.locator('button[type="submit"]').click(),
    ]);
    return { page, callback };
  }

  async function assertRefused(page, callback, status, message) {
    assert.ok(callback, 'the provider sent the browser back to the callback');
    assert.equal(callback.status(), status);
    assert.equal(new URL(page.url()).pathname, '/login/oidc/callback');
    assert.match(await page.getByRole('alert').textContent(), message);
    await page.goto(`${env.baseUrl}/admin`);
    assert.equal(new URL(page.url()).pathname, '/login', 'no one is signed in');
  }

  it('offers single sign-on instead of the password form, and refuses passwords', async () => {
    await env.browser.context.clearCookies();
    const page = await openPage(env.browser.context);
    try {
      const response = await page.goto(`${env.baseUrl}/login?next=%2Fadmin`);
      assert.equal(response.status(), 200);
      const link = page.getByRole('link', { name: 'Sign in with your university account' });
      assert.equal(await link.getAttribute('href'), '/login/oidc?next=/admin', 'the page to go to afterwards is passed on');
      assert.equal(await page.getByLabel('Password').count(), 0, 'no password form');
      await assertClean(page, '/login with single sign-on');

      const posted = await fetch(`${env.baseUrl}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: PEOPLE.dora.email, password: 'a long enough passphrase for tests' }),
        redirect: 'manual',
      });
      assert.equal(posted.status, 403);
      assert.match(await posted.text(), /Signing in with a password is turned off/);
    } finally {
      await page.close();
    }
  });

  it('makes the account on first sign-in with the role of its group, reaches /admin and signs out', async () => {
    const { page, callback } = await signInAs('ada');
    try {
      assert.equal(callback?.status(), 303);
      assert.equal(new URL(page.url()).pathname, '/admin');
      assert.equal(await page.locator('h1').textContent(), 'Dashboard');
      assert.match(await page.locator('.sign-out').textContent(), /ada@ki\.se/);
      assert.match(await accounts(), /ada@ki\.se\s+admin/, 'kizuna-admins gives admin');
      await assertClean(page, '/admin after single sign-on');

      // The answer is good once: the same callback again is refused.
      const replay = await page.goto(callback.url());
      assert.equal(replay.status(), 400);
      assert.match(await page.getByRole('alert').textContent(), /already used/);

      // The session was made as for passwords: signing out sends its CSRF token.
      await page.goto(`${env.baseUrl}/admin`);
      await Promise.all([page.waitForURL(/\/login\?signed_out=1$/), page.locator('.sign-out button').click()]);
      await page.goto(`${env.baseUrl}/admin`);
      assert.equal(new URL(page.url()).pathname, '/login', 'the session has ended');
    } finally {
      await page.close();
    }
  });

  it('gives an editor the units of their group', async () => {
    const { page } = await signInAs('cmb');
    try {
      assert.equal(new URL(page.url()).pathname, '/admin');
      assert.match(await accounts(), /cmb\.coordinator@ki\.se\s+editor\s+cmb/);
    } finally {
      await page.close();
    }
  });

  it('refuses an answer whose state is not the session\'s', async () => {
    const first = await startOutsideTheBrowser();
    const second = await startOutsideTheBrowser(first.cookie);
    assert.equal(second.cookie, first.cookie, 'one session');
    const state = (started) => new URL(started.location).searchParams.get('state');
    assert.notEqual(state(first), state(second), 'every sign-in has its own state');
    const { page, callback } = await signInAs('ada', { started: first });
    try {
      assert.equal(new URL(callback.url()).searchParams.get('state'), state(first));
      await assertRefused(page, callback, 400, /state does not match/);
    } finally {
      await page.close();
    }
  });

  it('refuses an ID token whose nonce is not the session\'s', async () => {
    const started = await startOutsideTheBrowser();
    const url = new URL(started.location);
    assert.equal(url.origin, provider.issuer);
    assert.ok(url.searchParams.get('nonce'), 'Kizuna sends a nonce');
    assert.ok(url.searchParams.get('state'), 'and a state');
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    url.searchParams.set('nonce', 'a-nonce-of-another-sign-in');
    const { page, callback } = await signInAs('ada', { started: { ...started, location: url.toString() } });
    try {
      await assertRefused(page, callback, 401, /nonce does not match/);
    } finally {
      await page.close();
    }
  });

  it('refuses someone in no mapped group and makes no account', async () => {
    const { page, callback } = await signInAs('sam');
    try {
      await assertRefused(page, callback, 403, /none of your groups gives a role/);
      await assertClean(page, 'the refusal');
      assert.doesNotMatch(await accounts(), /sam\.student@ki\.se/);
    } finally {
      await page.close();
    }
  });

  it('refuses a disabled account', async () => {
    const { page, callback } = await signInAs('dora');
    try {
      await assertRefused(page, callback, 403, /account is disabled/);
    } finally {
      await page.close();
    }
  });

  it('fetches the provider\'s keys again when they change', async () => {
    // The same issuer restarted with a new signing key: Kizuna still holds the old one.
    const { port } = provider;
    await provider.stop();
    provider = await startProvider({ redirectUri: `http://127.0.0.1:${kizunaPort.value}/login/oidc/callback`, port });
    const { page, callback } = await signInAs('ada');
    try {
      assert.equal(callback?.status(), 303);
      assert.equal(new URL(page.url()).pathname, '/admin');
    } finally {
      await page.close();
    }
  });
});

describe('single sign-on as a public client (PKCE alone), beside passwords', () => {
  let env;
  let provider;

  before(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/login/oidc/callback`;
    provider = await startProvider({ redirectUri, publicClient: true });
    env = await startAll({
      port,
      env: {
        KIZUNA_OIDC_ISSUER: provider.issuer,
        KIZUNA_OIDC_CLIENT_ID: CLIENT_ID,
        KIZUNA_OIDC_REDIRECT_URL: redirectUri,
      },
      setup: ({ dataDir }) => writeFileSync(join(dataDir, 'kizuna.toml'), ROLES),
    });
  });
  after(async () => {
    await env?.stop();
    await provider?.stop();
  });

  it('offers both ways and signs in without a client secret', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${env.baseUrl}/login?next=%2Fadmin`);
      assert.equal(await page.getByLabel('Password').count(), 1, 'the password form stays');
      await assertClean(page, '/login with both ways');
      await page.getByRole('link', { name: 'Sign in with your university account' }).click();
      await page.waitForURL((url) => url.origin === provider.issuer);
      await page.locator('input[name="login"]').fill('ada');
      await page.locator('input[name="password"]').fill('any password will do');
      await Promise.all([
        page.waitForURL(`${env.baseUrl}/admin`),
        page.locator('button[type="submit"]').click(),
      ]);
      assert.equal(await page.locator('h1').textContent(), 'Dashboard');
    } finally {
      await page.close();
    }
  });
});
