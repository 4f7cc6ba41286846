// Every public page loads, has one h1, no console errors, no CSP
// violations, its landmarks, and no serious or critical axe violations.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const PAGES = [
  { name: 'home', path: '/', status: 200 },
  { name: 'countries', path: '/countries', status: 200 },
  { name: 'country page (Japan)', path: '/countries/jp', status: 200 },
  { name: 'organisation', path: '/organisations/utokyo', status: 200 },
  { name: 'agreement with renewal history', path: '/agreements/trio-utokyo-spa-2022', status: 200 },
  { name: 'programme', path: '/programmes/utokyo-ki-link', status: 200 },
  { name: 'agreements index', path: '/agreements', status: 200 },
  { name: 'programmes index', path: '/programmes', status: 200 },
  { name: 'organisations index', path: '/organisations?country=JP', status: 200 },
  { name: 'funding finder', path: '/funding', status: 200 },
  { name: 'funding opportunity', path: '/funding/ki-utokyo-travel-award', status: 200 },
  { name: 'contacts', path: '/contacts', status: 200 },
  { name: 'map', path: '/map', status: 200 },
  { name: 'not found', path: '/no-such-page', status: 404 },
];

/** Console errors, less the browser's own note about a 404 document. */
function unexpectedConsoleErrors(problems, url, status) {
  return problems.consoleErrors.filter(
    (e) => !(status === 404 && e.url === url && /status of 404/.test(e.text)),
  );
}

describe('public pages', () => {
  let env;
  before(async () => { env = await startAll(); });
  after(async () => { await env?.stop(); });

  for (const spec of PAGES) {
    it(`${spec.name} (${spec.path}) loads cleanly and passes axe`, async () => {
      const page = await openPage(env.browser.context);
      try {
        const url = env.baseUrl + spec.path;
        const response = await page.goto(url, { waitUntil: 'load' });
        assert.equal(response.status(), spec.status, `status of ${spec.path}`);

        const csp = response.headers()['content-security-policy'] ?? '';
        assert.match(csp, /script-src 'self'/, 'a strict CSP is sent');
        assert.match(csp, /style-src 'self'/, 'a strict CSP is sent');

        assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
        assert.ok((await page.locator('h1').innerText()).trim().length > 0, 'the h1 has text');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.ok((await page.title()).length > 0, 'the page has a title');

        // Landmarks: banner, main navigation, search, main, contentinfo.
        assert.equal(await page.locator('header.site-header').count(), 1);
        assert.equal(await page.locator('nav[aria-label="Main"]').count(), 1);
        assert.equal(await page.locator('form[role="search"][action="/search"]').count() >= 1, true);
        assert.equal(await page.locator('main#main').count(), 1);
        assert.equal(await page.locator('footer').count(), 1);
        assert.equal(await page.locator('nav a[href="/map"]').count() >= 1, true, 'the header links to the map');

        // Nothing inline in the served HTML that a strict CSP would block
        // (scripts may still set styles through the CSSOM, which CSP allows).
        const html = await response.text();
        assert.doesNotMatch(html, /<[a-z][^>]*\sstyle\s*=/i, 'no style attributes');
        assert.doesNotMatch(html, /<style[\s>]/i, 'no style elements');
        assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, 'no inline scripts');
        assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, 'no inline event handlers');

        // Heading levels never skip on the way down.
        const skips = await page.evaluate(() => {
          const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
          const bad = [];
          for (let i = 1; i < levels.length; i += 1) {
            if (levels[i] > levels[i - 1] + 1) bad.push(`h${levels[i - 1]} → h${levels[i]}`);
          }
          return bad;
        });
        assert.deepEqual(skips, [], 'heading levels are in order');

        const axe = await seriousAxeViolations(page);
        assert.equal(axe.serious.length, 0, `axe found serious violations:\n${formatViolations(axe.serious)}`);

        const problems = await page.problems();
        assert.deepEqual(unexpectedConsoleErrors(problems, url, spec.status), [], 'no console errors');
        assert.deepEqual(problems.pageErrors, [], 'no page errors');
        assert.deepEqual(problems.cspViolations, [], 'no CSP violations');
      } finally {
        await page.close();
      }
    });
  }

  it('the 404 page says what happened and offers a way on', async () => {
    const page = await openPage(env.browser.context);
    try {
      const response = await page.goto(`${env.baseUrl}/organisations/no-such-organisation`);
      assert.equal(response.status(), 404);
      assert.match(await page.locator('h1').innerText(), /not found/i);
      assert.equal(await page.locator('main a[href="/"]').count(), 1);
    } finally {
      await page.close();
    }
  });

  it('every page fits a phone screen without sideways scrolling and passes axe there', async () => {
    const context = env.browser.context;
    const page = await openPage(context);
    try {
      await page.setViewportSize({ width: 375, height: 740 });
      for (const { path } of [...PAGES, { path: '/search?q=tokyo' }]) {
        await page.goto(env.baseUrl + path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} overflows the 375 px viewport by ${overflow} px`);
        const axe = await seriousAxeViolations(page);
        assert.equal(axe.serious.length, 0, `axe on a phone, ${path}:\n${formatViolations(axe.serious)}`);
      }
    } finally {
      await page.close();
    }
  });

  it('the header stays compact on a phone: the switcher beside the name, the menu on one row', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const lang of ['en', 'sv', 'ja']) {
        await page.goto(`${env.baseUrl}/countries/jp?lang=${lang}`);
        const header = await page.locator('.site-header').boundingBox();
        assert.ok(header.height <= 160, `${lang}: the header is ${header.height} px tall`);
        const brand = await page.locator('.brand').boundingBox();
        const switcher = await page.locator('.lang-switcher').boundingBox();
        assert.ok(Math.abs(brand.y + brand.height / 2 - (switcher.y + switcher.height / 2)) < 16, `${lang}: the switcher sits beside the name`);
        const tops = await page.locator('.site-nav a').evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().top)));
        assert.equal(new Set(tops).size, 1, `${lang}: the menu wraps (${tops})`);
      }
    } finally {
      await page.close();
    }
  });

  it('labels never break inside a word on a phone', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.setViewportSize({ width: 375, height: 740 });
      for (const lang of ['en', 'sv', 'ja']) {
        for (const path of ['/countries/jp', '/agreements/trio-utokyo-spa-2022', '/funding', '/map']) {
          await page.goto(`${env.baseUrl}${path}?lang=${lang}`);
          const broken = await page.evaluate(() => {
            const found = [];
            for (const el of document.querySelectorAll('.tag, .badge, .site-nav a, .lang-switcher a, .button, .card-facts dt')) {
              if (!el.offsetParent) continue;
              // Each word of a label sits on one line: its glyphs share a top.
              const range = document.createRange();
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (const m of node.data.matchAll(/\S+/g)) {
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                  if (tops.size > 1) found.push(m[0]);
                }
              }
            }
            return found;
          });
          assert.deepEqual(broken, [], `${path}?lang=${lang}: words broken across lines`);
        }
      }
    } finally {
      await page.close();
    }
  });

  it('a card is clickable as a whole, and the links inside it stay their own', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${env.baseUrl}/organisations?country=JP`);
      const card = page.locator('.card:has(.card-title a)').first();
      const href = await card.locator('.card-title a').getAttribute('href');
      const box = await card.boundingBox();
      // The card's lower right corner: no link there but the title's cover.
      await page.mouse.click(box.x + box.width - 8, box.y + box.height - 8);
      await page.waitForURL((url) => url.pathname === href);
    } finally {
      await page.close();
    }
  });

  it('the stylesheet and images come from this server only', async () => {
    const page = await openPage(env.browser.context);
    const foreign = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(env.baseUrl) && !req.url().startsWith('data:')) foreign.push(req.url());
    });
    try {
      const failed = [];
      page.on('requestfailed', (req) => failed.push(req.url()));
      await page.goto(`${env.baseUrl}/countries/jp`, { waitUntil: 'networkidle' });
      assert.deepEqual(foreign, [], 'no request leaves the server');
      assert.deepEqual(failed, [], 'every asset loads');
      const sheetLoaded = await page.evaluate(() => [...document.styleSheets].some((s) => s.href?.endsWith('/assets/kizuna.css') && s.cssRules.length > 50));
      assert.ok(sheetLoaded, 'the stylesheet is applied');
    } finally {
      await page.close();
    }
  });
});
