// The index pages /agreements, /programmes and /organisations on a phone
// (390×844) and a laptop (1366×900): axe finds nothing serious, nothing
// overflows sideways, and the filter form works with JavaScript turned off.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const PAGES = [
  '/agreements',
  '/agreements?country=JP&education_level=doctoral',
  '/programmes',
  '/organisations',
  '/organisations?country=JP',
];

const SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

describe('index pages', () => {
  let env;
  before(async () => { env = await startAll(); });
  after(async () => { await env?.stop(); });

  for (const size of SIZES) {
    it(`pass axe and fit ${size.width}×${size.height}`, async () => {
      const page = await openPage(env.browser.context);
      try {
        await page.setViewportSize(size);
        for (const path of PAGES) {
          const response = await page.goto(env.baseUrl + path, { waitUntil: 'load' });
          assert.equal(response.status(), 200, path);
          assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
          assert.ok(await page.locator('.result-count').isVisible(), `${path}: the count is shown`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${path} overflows ${size.width} px by ${overflow} px`);
          const axe = await seriousAxeViolations(page);
          assert.equal(axe.serious.length, 0, `${path} at ${size.width}px:\n${formatViolations(axe.serious)}`);
        }
        const problems = await page.problems();
        assert.deepEqual(problems.pageErrors, [], 'no page errors');
        assert.deepEqual(problems.cspViolations, [], 'no CSP violations');
      } finally {
        await page.close();
      }
    });
  }

  it('the filters work without JavaScript and are kept in the address', async () => {
    const page = await openPage(env.browser.context);
    try {
      // No script of ours runs: the form is plain HTML.
      await page.route('**/*.js', (route) => route.abort());
      await page.goto(`${env.baseUrl}/agreements`);
      await page.selectOption('#f-country', 'JP');
      await page.selectOption('#f-kind', 'student_exchange');
      await Promise.all([page.waitForURL(/country=JP/), page.click('form.filters button[type="submit"]')]);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('country'), 'JP');
      assert.equal(url.searchParams.get('kind'), 'student_exchange');
      assert.equal(await page.locator('#f-kind').inputValue(), 'student_exchange', 'the choice is kept');
      assert.equal(await page.locator('a[href="/agreements/tmu-student-exchange"]').count() >= 1, true);
      assert.equal(await page.locator('.agreement-card').count(), 1);
      const csv = await page.locator('.downloads a', { hasText: 'CSV' }).getAttribute('href');
      assert.match(csv, /^\/api\/v1\/agreements\.csv\?.*country=JP/);
    } finally {
      await page.close();
    }
  });
});
