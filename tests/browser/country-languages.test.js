// The country page and an organisation in Swedish and Japanese: axe finds
// no serious violations, names are in the reader's language with the others
// beside them, and a section written only in English says so and is tagged
// as English.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const PAGES = ['/countries/jp', '/countries/se', '/organisations/utokyo'];

describe('the country page in Swedish and Japanese', () => {
  let env;
  before(async () => { env = await startAll(); });
  after(async () => { await env?.stop(); });

  for (const lang of ['sv', 'ja']) {
    for (const path of PAGES) {
      it(`${path} in ${lang} passes axe`, async () => {
        const page = await openPage(env.browser.context);
        try {
          const response = await page.goto(`${env.baseUrl}${path}?lang=${lang}`, { waitUntil: 'load' });
          assert.equal(response.status(), 200);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
          const axe = await seriousAxeViolations(page);
          assert.equal(axe.serious.length, 0, `${path} in ${lang}:\n${formatViolations(axe.serious)}`);
          const problems = await page.problems();
          assert.deepEqual(problems.pageErrors, [], 'no page errors');
          assert.deepEqual(problems.cspViolations, [], 'no CSP violations');
        } finally {
          await page.close();
        }
      });
    }
  }

  it('a Japanese reader sees 東京大学 first and the English name beside it', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${env.baseUrl}/countries/jp?lang=ja`);
      assert.equal((await page.locator('h1').innerText()).trim(), '日本との連携');
      const partner = page.locator('.partner-name', { has: page.locator('a[href="/organisations/utokyo"]') });
      assert.equal((await partner.locator('a').first().innerText()).trim(), '東京大学');
      assert.match(await partner.innerText(), /The University of Tokyo/);
    } finally {
      await page.close();
    }
  });

  it('an English-only section is marked as such and tagged lang="en"', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${env.baseUrl}/countries/jp?lang=sv`);
      const notes = page.locator('.notice-fallback');
      assert.ok((await notes.count()) >= 1, 'the demo data writes its sections in English');
      assert.equal((await notes.first().innerText()).trim(), 'Det här avsnittet finns bara på engelska.');
      const prose = page.locator('.notice-fallback + .prose').first();
      assert.equal(await prose.getAttribute('lang'), 'en');
      assert.ok(await prose.isVisible());
    } finally {
      await page.close();
    }
  });
});
