// Search that forgives and records that end in an action, as a person uses
// them on a laptop (1366×900) and a phone (390×844): the results beside the
// filters (behind a "Filters" disclosure on a phone), Escape that closes the
// suggestions without losing the text, and a country page a phone can find
// its way around. axe-core finds no violation on any of them.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

async function noAxeViolations(page, what) {
  const axe = await seriousAxeViolations(page);
  assert.equal(axe.all.length, 0, `axe on ${what}:\n${formatViolations(axe.all)}`);
}

describe('search and records', () => {
  let env;
  let page;
  before(async () => {
    env = await startAll();
    page = await openPage(env.browser.context);
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });
  after(async () => {
    await page?.close();
    await env?.stop();
  });

  it('shows results in the main column with the filters beside them on a laptop', async () => {
    await page.setViewportSize(LAPTOP);
    await page.goto(`${env.baseUrl}/search?q=postdoc+funding+japan+tuition`);
    await page.locator('details.facets-drawer[open]').waitFor();
    const facets = await page.locator('aside.facets').boundingBox();
    const results = await page.locator('section.results').boundingBox();
    assert.ok(facets.x + facets.width <= results.x, 'the filters sit beside the results');
    assert.ok(results.width > 2 * facets.width, `the results take the wide column (${results.width} vs ${facets.width})`);
    assert.ok(await page.locator('.facet').first().isVisible(), 'the filters are open');
    assert.match(await page.locator('.partial-notice').innerText(), /No record matches every word; closest matches:/);
    const first = await page.locator('.hit h3 a').first().getAttribute('href');
    assert.match(first, /^\/funding\/(jsps-fellowships|sweden-japan-foundation-scholarships)$/);
    const box = await page.locator('#page-search').boundingBox();
    assert.ok(box.height >= 40, `the search box is a comfortable size (${box.height}px)`);
    await noAxeViolations(page, '/search on a laptop');
  });

  it('puts the filters behind a disclosure on a phone, results first in view', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${env.baseUrl}/search?q=japan&type=funding`);
    const drawer = page.locator('details.facets-drawer');
    assert.equal(await drawer.evaluate((d) => d.open), false, 'the filters start closed');
    const summary = page.locator('details.facets-drawer > summary');
    assert.match(await summary.innerText(), /Filters \(1\)/);
    const results = await page.locator('#results-h').boundingBox();
    assert.ok(results.y < PHONE.height, `the results start on the first screen (y=${results.y})`);
    await summary.click();
    assert.ok(await page.locator('.facet').first().isVisible(), 'the filters open');
    await noAxeViolations(page, '/search on a phone');
  });

  it('closes suggestions on Escape and keeps the text for Enter', async () => {
    await page.setViewportSize(LAPTOP);
    await page.goto(`${env.baseUrl}/search`);
    const box = page.locator('#page-search');
    await box.click();
    await box.pressSequentially('karolinska');
    const list = page.locator('#page-search ~ ul.suggestions');
    await list.waitFor({ state: 'visible' });
    await box.press('Escape');
    await list.waitFor({ state: 'hidden' });
    assert.equal(await box.inputValue(), 'karolinska', 'Escape keeps the text');
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    await Promise.all([page.waitForURL(/\/search\?q=karolinska$/), box.press('Enter')]);
    assert.match(await page.locator('h1').innerText(), /karolinska/);
    assert.equal(await page.locator('#page-search').inputValue(), 'karolinska');
    const first = await page.locator('.hit h3 a').first().getAttribute('href');
    assert.equal(first, '/organisations/ki', 'Enter searched what was typed');
  });

  it('gives a country page on a phone section navigation and a way back up', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${env.baseUrl}/countries/jp`);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const toc = await page.locator('nav.toc').boundingBox();
    assert.ok(toc.y >= -1 && toc.y < 10, `the sections stay at hand at the top (y=${toc.y})`);
    assert.ok(toc.height < PHONE.height / 4, `and take little room (${toc.height}px)`);
    const back = page.locator('#contacts .back-to-top a[href="#toc"]');
    assert.ok(await back.isVisible(), 'each section ends with a way back up');
    await back.click();
    await page.waitForFunction(() => window.location.hash === '#toc');
    const jump = page.locator('nav.toc a[href="#funding"]');
    await jump.click();
    await page.waitForFunction(() => {
      const top = document.querySelector('#funding-h').getBoundingClientRect().top;
      const nav = document.querySelector('nav.toc').getBoundingClientRect().bottom;
      return top >= nav - 2 && top < window.innerHeight / 2;
    }, null, { timeout: 5000 });
    await noAxeViolations(page, '/countries/jp on a phone');
  });

  for (const [path, size] of [
    ['/contacts/per-nilsson', PHONE],
    ['/funding/sweden-japan-foundation-scholarships', PHONE],
    ['/agreements/tmu-student-exchange', LAPTOP],
  ]) {
    it(`${path} passes axe at ${size.width}px`, async () => {
      await page.setViewportSize(size);
      const response = await page.goto(`${env.baseUrl}${path}`);
      assert.equal(response.status(), 200);
      assert.equal(await page.locator('#ask-h, #reach-h').count() >= 1, true);
      await noAxeViolations(page, path);
    });
  }
});
