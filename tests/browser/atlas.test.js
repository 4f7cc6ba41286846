// The atlas as a student uses it: search from the home page (with instant
// suggestions), filter the map, open a partner's popup and follow its link,
// and the keyboard-only way through the list beside the map.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

describe('atlas', () => {
  let env;
  before(async () => { env = await startAll(); });
  after(async () => { await env?.stop(); });

  it('searches from the home page with suggestions, then plain submit', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(env.baseUrl + '/');
      const box = page.locator('#home-search');
      await box.click();
      await box.pressSequentially('東京', { delay: 30 });
      const listbox = page.locator('.search-box [role="listbox"]');
      await listbox.locator('[role="option"]').first().waitFor({ state: 'visible' });
      const options = await listbox.locator('[role="option"] .suggestion-title').allTextContents();
      assert.ok(options.some((t) => /Tokyo/.test(t)), `suggestions: ${options}`);
      assert.equal(await box.getAttribute('aria-expanded'), 'true');
      // The arrow keys choose a suggestion and Enter follows it.
      await page.keyboard.press('ArrowDown');
      assert.ok(await box.getAttribute('aria-activedescendant'));
      await Promise.all([page.waitForURL(/\/(organisations|agreements|programmes|funding|contacts)\//), page.keyboard.press('Enter')]);

      // Without choosing a suggestion the form submits to the results page.
      await page.goto(env.baseUrl + '/');
      await page.locator('#home-search').fill('理化学研究所');
      await Promise.all([page.waitForURL(/\/search\?q=/), page.locator('#home-search').press('Enter')]);
      const first = page.locator('.hits .hit h3 a').first();
      assert.equal(await first.textContent(), 'RIKEN');
      assert.ok((await page.locator('.hits mark').count()) > 0, 'matches are highlighted');
      const { serious } = await seriousAxeViolations(page);
      assert.equal(serious.length, 0, formatViolations(serious));
      await Promise.all([page.waitForURL(/\/organisations\/riken$/), first.click()]);
    } finally {
      await page.close();
    }
  });

  it('filters the map, opens a popup and follows its link', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(env.baseUrl + '/map');
      await page.locator('.leaflet-container').waitFor();
      await page.selectOption('#m-kind', 'student_exchange');
      await Promise.all([page.waitForURL(/kind=student_exchange/), page.locator('#map-filters button[type="submit"]').click()]);
      const listed = await page.locator('.partner-results > li h3 a').allTextContents();
      assert.deepEqual(listed, ['Tokyo Metropolitan University'], 'the list shows what the filters allow');
      // The map draws the same partner (a point, at any zoom).
      const marker = page.locator('.leaflet-marker-icon').first();
      await marker.waitFor({ state: 'visible' });
      assert.equal(await page.locator('.leaflet-marker-icon').count(), 1);
      // Country shapes are drawn offline from world-atlas.
      assert.ok((await page.locator('.leaflet-overlay-pane path').count()) > 100, 'country shapes are drawn');
      await marker.click();
      const link = page.locator('.leaflet-popup-content a[href="/organisations/tmu"]');
      await link.waitFor({ state: 'visible' });
      assert.ok(await page.locator('.leaflet-popup-content a[href="/agreements/tmu-student-exchange"]').count());
      // The URL keeps the filters and the view, so a link reproduces it.
      await page.waitForFunction(() => /zoom=\d+/.test(location.search) && /kind=student_exchange/.test(location.search));
      await Promise.all([page.waitForURL(/\/organisations\/tmu$/), link.click()]);
      await page.goBack();
      await page.waitForFunction(() => /kind=student_exchange/.test(location.search));
      assert.equal(await page.locator('#m-kind').inputValue(), 'student_exchange');
      const { serious } = await seriousAxeViolations(page);
      assert.equal(serious.length, 0, formatViolations(serious));
    } finally {
      await page.close();
    }
  });

  it('reaches every listed partner with the keyboard alone', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(env.baseUrl + '/map');
      const target = page.locator('.partner-results a[href="/organisations/riken"]');
      await target.waitFor();
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.getAttribute('href') === '/organisations/riken');
      }
      assert.ok(reached, 'Tab reaches the partner in the list');
      await Promise.all([page.waitForURL(/\/organisations\/riken$/), page.keyboard.press('Enter')]);
    } finally {
      await page.close();
    }
  });
});
