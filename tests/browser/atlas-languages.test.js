// The atlas in Swedish and Japanese: home, countries, map and search pass axe
// in each language, the map's and the suggestions' script texts follow the
// page's language, and an embed takes the host page's language.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';

import { formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const PAGES = ['/', '/countries', '/map', '/search?q=nursing'];

/** The page's address in `lang` (every request names it: the cookie would carry it over). */
function inLang(path, lang) {
  return path + (path.includes('?') ? '&' : '?') + 'lang=' + lang;
}

/** Waits until the map has drawn its base map and the partners of its current view. */
async function mapLoaded(page) {
  await page.waitForFunction(() => {
    const map = document.getElementById('map');
    return map?.dataset.loaded && map.dataset.base === 'drawn' && !map.hasAttribute('aria-busy');
  });
}

/** A site on its own port whose Swedish page embeds the map from `kizuna()`. */
function hostSite(kizuna) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="sv-SE"><head><meta charset="utf-8"><title>Våra partner</title></head>
<body><main><h1>Våra partner i Japan</h1><div data-kizuna="map" data-country="JP"></div>
<div data-kizuna="country" data-country="JP" data-lang="ja"></div></main>
<script src="${kizuna()}/embed.js" async></script></body></html>`);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      origin: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((r) => server.close(r)),
    }));
  });
}

describe('the atlas in Swedish and Japanese', () => {
  let env;
  let host;
  before(async () => {
    let kizuna = '';
    host = await hostSite(() => kizuna);
    env = await startAll({
      env: ({ baseUrl }) => ({ KIZUNA_EMBED_ORIGINS: host.origin, KIZUNA_PUBLIC_URL: baseUrl }),
    });
    kizuna = env.baseUrl;
  });
  after(async () => {
    await env?.stop();
    await host?.close();
  });

  for (const lang of ['sv', 'ja']) {
    for (const path of PAGES) {
      it(`${path} in ${lang} passes axe`, async () => {
        const page = await openPage(env.browser.context);
        try {
          const response = await page.goto(env.baseUrl + inLang(path, lang), { waitUntil: 'load' });
          assert.equal(response.status(), 200);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          if (path === '/map') await mapLoaded(page);
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

  it('the map speaks Swedish: filters, the town cluster and its popup', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.setViewportSize({ width: 1366, height: 900 });
      // From far away Wako and central Tokyo are one place.
      await page.goto(env.baseUrl + '/map?lat=30&lng=100&zoom=3&lang=sv');
      await mapLoaded(page);
      assert.equal((await page.locator('#map-filter-box > summary').innerText()).trim(), 'Filter (0)');
      assert.match(await page.locator('.leaflet-control-attribution').innerText(), /Landsgränser/);
      const town = page.locator('.leaflet-marker-icon[data-partners="riken tmu utokyo"]');
      assert.equal(await town.getAttribute('aria-label'), '3 partner här: öppna listan');
      await town.click();
      await page.locator('.spot-popup').waitFor();
      assert.equal((await page.locator('.spot-popup-title').innerText()).trim(), '3 partner här');
      await page.keyboard.press('Escape');
      // Filtering in place keeps the page's language.
      await page.locator('#m-kind').selectOption('student_exchange');
      await page.waitForFunction(() => document.getElementById('filter-count').textContent.trim() === 'Filter (1)');
      assert.match(await page.locator('#list-h').innerText(), /partner/);
      assert.match(await page.locator('#map-status').textContent(), /hittades$/);
    } finally {
      await page.close();
    }
  });

  it('suggestions speak Japanese', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(env.baseUrl + '/?lang=ja');
      const box = page.locator('#home-search');
      await box.click();
      await box.pressSequentially('東京', { delay: 30 });
      const listbox = page.locator('.search-box [role="listbox"]');
      await listbox.locator('[role="option"]').first().waitFor({ state: 'visible' });
      assert.equal(await listbox.getAttribute('aria-label'), '検索候補');
      const types = await listbox.locator('.suggestion-type').allTextContents();
      assert.ok(types.every((t) => ['機関', '協定', 'プログラム', '助成金', '連絡先'].includes(t)), `types: ${types}`);
      assert.match(await page.locator('.search-box [role="status"]').textContent(), /^候補 \d+ 件/);
    } finally {
      await page.close();
    }
  });

  it('an embed takes the host page’s language, or its own data-lang', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${host.origin}/`, { waitUntil: 'load' });
      const map = await page.waitForSelector('[data-kizuna="map"] iframe');
      assert.equal(await map.getAttribute('title'), 'Karta över partner');
      const mapFrame = await map.contentFrame();
      await mapFrame.waitForSelector('h1');
      assert.equal(new URL(mapFrame.url()).searchParams.get('lang'), 'sv');
      assert.equal(await mapFrame.evaluate(() => document.documentElement.lang), 'sv');
      assert.equal((await mapFrame.locator('h1').innerText()).trim(), 'Partner i Japan');
      // The embedded map draws its partners, credits in Swedish and keeps the frame's address.
      await mapFrame.waitForFunction(() => {
        const map = document.getElementById('map');
        return map?.dataset.loaded && map.dataset.base === 'drawn' && !map.hasAttribute('aria-busy');
      });
      assert.ok((await mapFrame.locator('.leaflet-marker-icon[data-partners]').count()) > 0, 'markers in the embed');
      assert.match(await mapFrame.locator('.leaflet-control-attribution').innerText(), /Landsgränser/);
      assert.equal(new URL(mapFrame.url()).pathname, '/embed/map');
      const mapAxe = await seriousAxeViolations(mapFrame);
      assert.equal(mapAxe.serious.length, 0, formatViolations(mapAxe.serious));
      const country = await page.waitForSelector('[data-kizuna="country"] iframe');
      assert.equal(await country.getAttribute('title'), '国・地域の概要');
      const countryFrame = await country.contentFrame();
      await countryFrame.waitForSelector('h1');
      assert.equal(await countryFrame.evaluate(() => document.documentElement.lang), 'ja');
      const axe = await seriousAxeViolations(countryFrame);
      assert.equal(axe.serious.length, 0, formatViolations(axe.serious));
    } finally {
      await page.close();
    }
  });
});
