// The Kyoto journey of issue 8, in a real browser: a coordinator signs in
// from the footer, starts a new agreement from the dashboard, creates the
// partner Kyoto University inline (after trying the ROR look-up and an
// empty dialog), pastes coordinates and a website without https://, picks
// the subject by name, adds a mobility condition without languages, saves
// and sees the agreement's page. Every step a person takes is counted (the
// issue's tester needed 33 actions and met dead ends); axe passes on each
// form and on the dialog; no CSP violations, no page errors.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { addUser, formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const EMAIL = 'coordinator@ki.se';
const PASSWORD = 'a long enough passphrase for tests';
const TITLE = 'Nursing exchange 2027–2031';

async function assertClean(page, what) {
  const axe = await seriousAxeViolations(page);
  assert.deepEqual(axe.serious, [], `${what}: ${formatViolations(axe.serious)}`);
  const problems = await page.problems();
  assert.deepEqual(problems.pageErrors, [], `${what}: page errors`);
  assert.deepEqual(problems.cspViolations, [], `${what}: CSP violations`);
}

describe('the Kyoto journey', () => {
  let env;
  before(async () => {
    env = await startAll({ setup: ({ dataDir }) => addUser(dataDir, EMAIL, 'admin', PASSWORD) });
  });
  after(async () => { await env?.stop(); });

  it('adds Kyoto University and a nursing exchange in few steps, without a manual', async () => {
    const page = await openPage(env.browser.context);
    let steps = 0;
    /** One thing a person does: a click, a choice or a field filled. */
    const step = async (action) => { steps += 1; await action(); };
    try {
      await page.goto(`${env.baseUrl}/`);
      await step(() => Promise.all([page.waitForURL(/\/login/), page.getByRole('link', { name: 'Staff sign-in' }).click()]));
      await step(() => page.locator('#login-email').fill(EMAIL));
      await step(() => page.locator('#login-password').fill(PASSWORD));
      await step(() => Promise.all([page.waitForURL(`${env.baseUrl}/admin`), page.locator('#login-password').press('Enter')]));

      await step(() => Promise.all([page.waitForURL(`${env.baseUrl}/admin/agreements/new`), page.getByRole('link', { name: 'New agreement' }).click()]));
      await assertClean(page, 'the new agreement form');
      await step(() => page.locator('#f-title').fill(TITLE));
      await step(() => page.locator('#f-kind').selectOption('student_exchange'));
      await step(() => page.locator('#f-level').selectOption('central'));
      // A partner already in the registry, typed by name.
      await step(() => page.locator('#f-parties-0-organisation').fill('Karolinska Institutet'));

      // The other is missing: open "New organisation" beside its picker.
      const dialog = page.locator('#new-org');
      await step(() => page.locator('#f-parties-1-organisation + button[data-new-org]').click());
      await dialog.waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-org-ror');
      await assertClean(page, 'the new organisation dialog');

      // (Not counted: what the look-up of ROR records does with a record
      // that is in the registry: every field is filled in from it.)
      await page.locator('#new-org-ror').fill('東京');
      await page.waitForFunction(() => document.querySelectorAll('#new-org-ror-choices option').length > 0);
      const offered = await page.locator('#new-org-ror-choices option').evaluateAll((os) => os.map((o) => o.value));
      assert.ok(offered.includes('The University of Tokyo (JP)'), offered.join(', '));
      await page.locator('#new-org-ror').fill('The University of Tokyo (JP)');
      await page.waitForFunction(() => document.getElementById('new-org-name').value !== '');
      assert.equal(await page.locator('#new-org-name').inputValue(), 'The University of Tokyo');
      assert.equal(await page.locator('#new-org-country').inputValue(), 'JP');
      assert.equal(await page.locator('[name="identifiers.ror"]').inputValue(), '057zh3y96');
      assert.match(await page.locator('#new-org-location').inputValue(), /^35\.\d+, 139\.\d+$/);
      assert.ok(await page.locator('[data-more-names] input[value="Todai"]').count() > 0, 'every name is kept');
      assert.match(await page.locator('#new-org-existing').textContent(), /already in the registry/);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.locator('#f-parties-1-organisation + button[data-new-org]').click();
      assert.equal(await page.locator('#new-org-name').inputValue(), '', 'a new dialog starts empty');
      assert.equal(await page.locator('[name="identifiers.ror"]').inputValue(), '');

      // Kyoto University is not in the registry: no ROR record to fill from.
      await step(() => page.locator('#new-org-ror').fill('Kyoto'));
      assert.equal(await page.locator('#new-org-ror-choices option').count(), 0);
      // Creating it empty says everything that is missing, beside each field.
      await step(() => page.getByRole('button', { name: 'Create and pick it' }).click());
      await page.locator('#new-org-kind-error').waitFor();
      assert.match(await page.locator('#new-org-kind-error').textContent(), /choose the kind/);
      assert.match(await page.locator('#new-org-errors').textContent(), /problems/);
      assert.equal(await page.locator('#new-org-kind').getAttribute('aria-invalid'), 'true');
      await assertClean(page, 'the dialog with problems');
      await step(() => page.locator('#new-org-name').fill('Kyoto University'));
      await step(() => page.locator('#new-org-name2').fill('京都大学'));
      await step(() => page.locator('#new-org-lang2').fill('ja'));
      await step(() => page.locator('#new-org-kind').selectOption('education'));
      await step(() => page.locator('#new-org-country').selectOption('JP'));
      await step(() => page.locator('#new-org-city').fill('Kyoto'));
      await step(() => page.locator('#new-org-location').fill('35.0262, 135.7808'));
      await step(() => page.locator('#new-org-website').fill('www.kyoto-u.ac.jp'));
      await step(() => page.getByRole('button', { name: 'Create and pick it' }).click());
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.locator('#f-parties-1-organisation').inputValue(), 'Kyoto University (JP)');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-parties-1-organisation', 'focus returns');

      // Signed: a draft is never public, and the journey ends on the public page.
      await step(() => page.locator('#f-signed').check());
      await step(() => page.locator('#f-valid-from').fill('01/09/2027'));
      await step(() => page.locator('#f-valid-until').fill('31/08/2031'));
      await step(() => page.locator('#f-subject-areas').fill('nursing'));
      await step(() => page.locator('#f-conditions-0-direction').selectOption('outgoing'));
      await step(() => page.locator('#f-conditions-0-mobility').selectOption('student_studies'));
      await step(() => page.locator('#f-conditions-0-places-per-year').fill('2'));
      await step(() => Promise.all([
        page.waitForURL(/\/admin\/agreements\/nursing-exchange-2027-2031\?saved=1$/),
        page.getByRole('button', { name: 'Create agreement' }).click(),
      ]));
      assert.match(await page.locator('[role="status"].notice').textContent(), /Saved/);
      assert.equal(await page.locator('#f-parties-1-organisation').inputValue(), 'Kyoto University (JP)', 'names, not ids');
      assert.equal(await page.locator('#f-subject-areas').inputValue(), '0913');
      assert.equal(await page.locator('#f-valid-from').inputValue(), '2027-09-01');
      await assertClean(page, 'the saved agreement form');

      await step(() => Promise.all([page.waitForURL(/\/agreements\/nursing-exchange-2027-2031$/), page.getByRole('link', { name: 'Public page' }).click()]));
      assert.equal((await page.locator('h1').textContent()).trim(), TITLE);
      assert.match(await page.locator('main').textContent(), /Kyoto University/);
      await assertClean(page, 'the agreement page');

      // The partner was made with what was pasted, read by the server.
      const kyoto = await (await page.request.get(`${env.baseUrl}/api/v1/organisations/kyoto-university`)).json();
      assert.equal(kyoto.website, 'https://www.kyoto-u.ac.jp');
      assert.deepEqual(kyoto.location, { lat: 35.0262, lng: 135.7808 });
      assert.ok(kyoto.names.some((n) => n.value === '京都大学' && n.lang === 'ja'));

      console.log(`# the Kyoto journey took ${steps} steps`);
      assert.ok(steps <= 30, `${steps} steps`);
    } finally {
      await page.close();
    }
  });
});
