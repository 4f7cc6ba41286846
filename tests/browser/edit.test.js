// Editing an agreement in the back office, in a real browser: sign in, open
// the agreement's form, use the enhanced controls (add and remove a party
// row, Markdown preview, a picker that searches as you type), see a problem
// reported next to its field, change the title, save, and find the new title
// on the public page. axe passes on the form in each state; no CSP
// violations, no page errors.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { addUser, formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const EMAIL = 'editor-in-chief@ki.se';
const PASSWORD = 'a long enough passphrase for tests';
const ID = 'trio-utokyo-spa-2022';
const NEW_TITLE = 'Strategic Partnership Agreement, Stockholm Trio and UTokyo (edited)';

async function assertClean(page, what) {
  const axe = await seriousAxeViolations(page);
  assert.deepEqual(axe.serious, [], `${what}: ${formatViolations(axe.serious)}`);
  const problems = await page.problems();
  assert.deepEqual(problems.pageErrors, [], `${what}: page errors`);
  assert.deepEqual(problems.cspViolations, [], `${what}: CSP violations`);
}

async function signIn(page, baseUrl, next) {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.locator('#login-email').fill(EMAIL);
  await page.locator('#login-password').fill(PASSWORD);
  await Promise.all([page.waitForURL(`${baseUrl}${next}`), page.locator('#login-password').press('Enter')]);
}

describe('editing an agreement', () => {
  let env;
  before(async () => {
    env = await startAll({ setup: ({ dataDir }) => addUser(dataDir, EMAIL, 'admin', PASSWORD) });
  });
  after(async () => { await env?.stop(); });

  it('edits the title through the form and shows it on the public page', async () => {
    const page = await openPage(env.browser.context);
    const form = `/admin/agreements/${ID}`;
    try {
      await signIn(page, env.baseUrl, form);
      assert.equal(await page.locator('h1').count(), 1);
      assert.match(await page.locator('h1').textContent(), /Strategic Partnership Agreement/);
      const html = await (await page.request.get(env.baseUrl + form)).text();
      assert.doesNotMatch(html, /<[a-z][^>]*\sstyle\s*=/i, 'no style attributes');
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, 'no inline scripts');
      await assertClean(page, 'the edit form');

      // Add a party row in place; focus moves into it; remove it again.
      const parties = page.locator('#f-parties [data-row]');
      assert.equal(await parties.count(), 2);
      await page.locator('#f-parties button[data-add]').click();
      assert.equal(await parties.count(), 3);
      assert.equal(await page.evaluate(() => document.activeElement?.name), 'parties[2].organisation');
      assert.equal(await page.locator('#f-parties-2-role').inputValue(), 'partner', 'a new row starts with the default role');
      assert.equal(await page.locator('#f-parties-2 legend').textContent(), 'Party 3');
      await page.locator('#f-parties-2 button[data-remove]').click();
      assert.equal(await parties.count(), 2);
      assert.equal(new URL(page.url()).pathname, form, 'no round trip');

      // A picker searches as you type (its own datalist fills with matches).
      await page.locator('#f-home-unit').fill('cmb');
      await page.waitForFunction(() => document.querySelectorAll('#f-home-unit-choices option').length > 0);
      assert.equal(await page.locator('#f-home-unit').getAttribute('list'), 'f-home-unit-choices');
      assert.ok((await page.locator('#f-home-unit-choices option').evaluateAll((os) => os.map((o) => o.getAttribute('data-id')))).includes('cmb'));
      await page.locator('#f-home-unit').fill('');

      // Markdown preview, rendered and sanitised by the server, in a live region.
      await page.locator('#f-notes').fill('Now with **bold** words <script>alert(1)</script>');
      await page.locator('button[data-preview="f-notes"]').click();
      const preview = page.locator('#f-notes-preview');
      await preview.locator('strong').waitFor();
      assert.equal(await preview.getAttribute('aria-live'), 'polite');
      assert.equal(await preview.locator('strong').textContent(), 'bold');
      assert.equal(await preview.locator('script').count(), 0);
      await assertClean(page, 'the form with a preview');

      // A problem is reported next to its field, with a summary that takes focus.
      await page.locator('#f-valid-from').fill('soon');
      await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.getByRole('button', { name: 'Save changes' }).click()]);
      assert.equal(await page.locator('#f-valid-from').getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator('#f-valid-from-error').textContent(), /not a date/);
      assert.match(await page.locator('#f-valid-from').getAttribute('aria-describedby'), /f-valid-from-error/);
      await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
      assert.equal(await page.locator('#f-notes').inputValue(), 'Now with **bold** words <script>alert(1)</script>', 'what was typed is kept');
      await assertClean(page, 'the form with a problem');

      // Fix it, change the title, save.
      await page.locator('#f-valid-from').fill('');
      await page.locator('#f-notes').fill('Renamed in the browser test.');
      await page.locator('#f-title').fill(NEW_TITLE);
      await Promise.all([page.waitForURL(`${env.baseUrl}${form}?saved=1`), page.getByRole('button', { name: 'Save changes' }).click()]);
      assert.match(await page.locator('[role="status"].notice').textContent(), /Saved/);
      assert.equal(await page.locator('#f-title').inputValue(), NEW_TITLE);
      await assertClean(page, 'the saved form');

      // The public page says the new title at once.
      await page.goto(`${env.baseUrl}/agreements/${ID}`);
      assert.equal((await page.locator('h1').textContent()).trim(), NEW_TITLE);

      // And the history says who changed what.
      await page.goto(`${env.baseUrl}${form}/history`);
      assert.match(await page.locator('.history-entry').first().textContent(), new RegExp(EMAIL));
      assert.ok((await page.locator('.history-entry').first().locator('ins').allTextContents()).includes(NEW_TITLE));
      await assertClean(page, 'the history page');
    } finally {
      await page.close();
    }
  });

  it('the dashboard and the edit form pass axe in Swedish and Japanese, problems included', async () => {
    const page = await openPage(env.browser.context);
    try {
      await signIn(page, env.baseUrl, '/admin');
      for (const [lang, heading, problem] of [
        ['sv', 'Översikt', 'ge avtalet en titel'],
        ['ja', 'ダッシュボード', '協定の名称を入力してください'],
      ]) {
        await page.goto(`${env.baseUrl}/admin?lang=${lang}`);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        assert.equal((await page.locator('h1').textContent()).trim(), heading);
        await assertClean(page, `the dashboard (${lang})`);
        await page.goto(`${env.baseUrl}/admin/agreements/${ID}?lang=${lang}`);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        await assertClean(page, `the edit form (${lang})`);
        // The choice is remembered: saving an empty title answers in the same language.
        await page.locator('#f-title').fill('');
        await Promise.all([page.waitForLoadState('load'), page.locator('.form-actions button[name="save"]').click()]);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        assert.match(await page.locator('#f-title-error').textContent(), new RegExp(problem));
        await assertClean(page, `the edit form with a problem (${lang})`);
      }
      // Back to English for the pages checked next.
      await page.goto(`${env.baseUrl}/admin?lang=en`);
    } finally {
      await page.close();
    }
  });

  it('every other back-office page has one h1 and passes axe', async () => {
    const page = await openPage(env.browser.context);
    try {
      await signIn(page, env.baseUrl, '/admin/organisations');
      const paths = [
        '/admin/organisations', '/admin/organisations/new', '/admin/organisations/utokyo',
        '/admin/agreements?status=active', '/admin/agreements/new', `/admin/agreements/${ID}/renew`,
        `/admin/agreements/${ID}/delete`, '/admin/programmes/utokyo-ki-link',
        '/admin/funding/ki-utokyo-travel-award', '/admin/contacts/lotta-lundqvist',
        '/admin/countries', '/admin/countries/jp',
      ];
      for (const path of paths) {
        const response = await page.goto(env.baseUrl + path);
        assert.equal(response.status(), 200, path);
        assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
        await assertClean(page, path);
      }
    } finally {
      await page.close();
    }
  });
});
