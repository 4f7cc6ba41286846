// The atlas as a student uses it: search from the home page (with instant
// suggestions), filter the map, open a partner's popup and follow its link,
// and the keyboard-only way through the list beside the map. The map frames
// the answer on a phone and a laptop, applies filters in place, opens a
// town's partners in one click and lights list and markers up together.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { chromiumArgs, chromiumPath, formatViolations, openPage, seriousAxeViolations, startAll, startServer } from './support/harness.js';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

/** Waits until the map has drawn its base map and the partners of its current view. */
async function mapLoaded(page) {
  await page.waitForFunction(() => {
    const map = document.getElementById('map');
    return map?.dataset.loaded && map.dataset.base === 'drawn' && !map.hasAttribute('aria-busy');
  });
}

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
      await mapLoaded(page);
      await page.selectOption('#m-kind', 'student_exchange');
      await page.waitForURL(/kind=student_exchange/);
      const listed = await page.locator('.partner-results > li h3 a').allTextContents();
      assert.deepEqual(listed, ['Tokyo Metropolitan University'], 'the list shows what the filters allow');
      // The map draws the same partner (a point, at any zoom).
      const marker = page.locator('.leaflet-marker-icon[data-partners]').first();
      await marker.waitFor({ state: 'visible' });
      assert.equal(await page.locator('.leaflet-marker-icon[data-partners]').count(), 1);
      // Country shapes are drawn offline from world-atlas.
      assert.ok((await page.locator('.leaflet-overlay-pane path').count()) > 100, 'country shapes are drawn');
      // The filter frames its partners with an animation; on a busy machine a
      // click during it lands where the marker was.
      let before = null;
      for (let i = 0; i < 50; i += 1) {
        const box = await marker.boundingBox();
        if (box && before && box.x === before.x && box.y === before.y) break;
        before = box;
        await page.waitForTimeout(100);
      }
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

  for (const viewport of [PHONE, LAPTOP]) {
    it(`frames Japan's partners on a ${viewport.width}x${viewport.height} screen`, async () => {
      const page = await openPage(env.browser.context);
      try {
        await page.setViewportSize(viewport);
        await page.goto(env.baseUrl + '/map?country=JP');
        await mapLoaded(page);
        // Where each partner is (UTokyo and TMU share a spot, so they come as one feature).
        const located = await page.evaluate(async () => (await (await fetch('/api/v1/map?country=JP&zoom=14')).json()).features
          .flatMap((f) => (f.properties.partners ?? [f.properties]).map((p) => ({ id: p.id, lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }))));
        assert.deepEqual(located.map((p) => p.id).sort(), ['riken', 'tmu', 'utokyo']);
        for (const p of located) {
          assert.ok(await page.evaluate(([la, ln]) => window.kizunaMap.getBounds().contains([la, ln]), [p.lat, p.lng]), `${p.id} is in view`);
        }
        // Every marker drawn sits inside the map's box on screen.
        const box = await page.locator('#map').boundingBox();
        const markers = await page.locator('.leaflet-marker-icon[data-partners]').evaluateAll((els) => els.map((el) => {
          const r = el.getBoundingClientRect();
          return { ids: el.dataset.partners, x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }));
        assert.deepEqual(markers.map((m) => m.ids).join(' ').split(' ').sort(), ['riken', 'tmu', 'utokyo']);
        for (const m of markers) {
          assert.ok(m.x > box.x && m.x < box.x + box.width && m.y > box.y && m.y < box.y + box.height, `${m.ids} inside the map`);
        }
        const summary = page.locator('#map-filter-box > summary');
        assert.equal((await summary.innerText()).trim(), 'Filters (1)');
        const open = await page.locator('#map-filter-box').evaluate((d) => d.open);
        if (viewport === PHONE) {
          assert.equal(open, false, 'on a phone the filters wait behind "Filters (1)"');
          assert.ok(box.y < viewport.height * 0.6, `the map comes first (top at ${box.y}px)`);
          await summary.click();
          assert.ok(await page.locator('#m-country').isVisible());
        } else {
          assert.equal(open, true, 'on a laptop the filters are open');
        }
        // The legend explains the shading.
        assert.match(await page.locator('#map-legend').innerText(), /Countries shaded by number of partners/);
        const { serious } = await seriousAxeViolations(page);
        assert.equal(serious.length, 0, formatViolations(serious));
        const problems = await page.problems();
        assert.deepEqual(problems.pageErrors, []);
        assert.deepEqual(problems.cspViolations, []);
      } finally {
        await page.close();
      }
    });
  }

  it('applies filters without a reload and keeps filters and view in the address', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.setViewportSize(LAPTOP);
      await page.goto(env.baseUrl + '/map');
      await mapLoaded(page);
      let loads = 0;
      page.on('load', () => { loads += 1; });
      await page.evaluate(() => { window.__samePage = true; });
      const before = await page.locator('#map').getAttribute('data-loaded');
      await page.selectOption('#m-kind', 'student_exchange');
      await page.waitForFunction((b) => document.getElementById('map').dataset.loaded !== b
        && /kind=student_exchange/.test(location.search) && /zoom=\d+/.test(location.search), before);
      await page.waitForFunction(() => document.querySelectorAll('.leaflet-marker-icon[data-partners]').length === 1);
      assert.equal(await page.evaluate(() => window.__samePage), true, 'the page was not reloaded');
      assert.equal(loads, 0, 'no page load');
      assert.deepEqual(await page.locator('.partner-results > li h3 a').allTextContents(), ['Tokyo Metropolitan University']);
      assert.equal(await page.locator('.leaflet-marker-icon[data-partners]').getAttribute('data-partners'), 'tmu');
      assert.equal((await page.locator('#map-filter-box > summary').innerText()).trim(), 'Filters (1)');
      // Opening the address again brings back the filters and the view.
      await page.evaluate(() => window.kizunaMap.setView([35.5, 139.5], 7));
      await page.waitForFunction(() => /zoom=7/.test(location.search));
      const address = page.url();
      const kept = new URL(address).searchParams;
      assert.ok(Math.abs(Number(kept.get('lat')) - 35.5) < 0.05 && Math.abs(Number(kept.get('lng')) - 139.5) < 0.05, address);
      await page.goto(address);
      await mapLoaded(page);
      assert.equal(await page.locator('#m-kind').inputValue(), 'student_exchange');
      assert.equal(await page.evaluate(() => window.kizunaMap.getZoom()), 7);
      const center = await page.evaluate(() => window.kizunaMap.getCenter());
      assert.ok(Math.abs(center.lat - Number(kept.get('lat'))) < 0.01 && Math.abs(center.lng - Number(kept.get('lng'))) < 0.01, JSON.stringify(center));
      // Clearing the filters in place brings every partner back.
      await page.locator('#map-filters .reset').click();
      await page.waitForFunction(() => !/kind=/.test(location.search) && document.querySelectorAll('.partner-results > li[data-partner]').length === 3);
      assert.equal((await page.locator('#map-filter-box > summary').innerText()).trim(), 'Filters (0)');
    } finally {
      await page.close();
    }
  });

  it('opens partners sharing a town in one click and lights up list and markers together', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.setViewportSize(LAPTOP);
      // From far away Wako and central Tokyo are one place.
      await page.goto(env.baseUrl + '/map?lat=30&lng=100&zoom=3');
      await mapLoaded(page);
      const town = page.locator('.leaflet-marker-icon[data-partners="riken tmu utokyo"]');
      await town.click();
      const popup = page.locator('.leaflet-popup-content');
      await popup.waitFor({ state: 'visible' });
      for (const id of ['riken', 'tmu', 'utokyo']) {
        assert.equal(await popup.locator(`a[href="/organisations/${id}"]`).count(), 1, `${id} in the one popup`);
      }
      // Country names label the offline base map.
      assert.ok((await page.locator('.country-label').allTextContents()).includes('China'), 'countries are named');
      await page.keyboard.press('Escape');

      // Hovering or focusing a list entry lights its marker up, and back.
      await page.mouse.move(0, 0);
      await page.locator('.partner-results a[href="/organisations/riken"]').focus();
      assert.match(await town.getAttribute('class'), /is-highlighted/, 'focus in the list lights the marker');
      await page.locator('.partner-results a[href="/organisations/riken"]').blur();
      assert.doesNotMatch(await town.getAttribute('class'), /is-highlighted/);
      // Focusing a list entry may pan the map: hover the marker once it holds still,
      // or the pan carries it from under the mouse and the light goes out again.
      let box = await town.boundingBox();
      for (let i = 0; i < 20; i += 1) {
        await page.waitForTimeout(150);
        const now = await town.boundingBox();
        if (now && box && now.x === box.x && now.y === box.y) break;
        box = now;
      }
      await town.hover();
      for (const id of ['riken', 'tmu', 'utokyo']) {
        const lit = await page.waitForFunction(
          (entry) => document.getElementById(entry)?.classList.contains('is-highlighted'),
          `partner-${id}`,
          { timeout: 5000 },
        ).then(() => true, () => false);
        assert.ok(lit, `${id} lit by the marker`);
      }
      await page.mouse.move(0, 0);
      await town.focus();
      assert.match(await page.locator('#partner-riken').getAttribute('class') ?? '', /is-highlighted/, 'keyboard focus on a marker lights the list');
      const { serious } = await seriousAxeViolations(page);
      assert.equal(serious.length, 0, formatViolations(serious));
    } finally {
      await page.close();
    }
  });

  it('"see on the map" opens on that partner', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.setViewportSize(PHONE);
      await page.goto(env.baseUrl + '/organisations/riken');
      await Promise.all([page.waitForURL(/\/map\?focus=riken/), page.locator('a[href="/map?focus=riken"]').click()]);
      await mapLoaded(page);
      const popup = page.locator('.leaflet-popup-content a[href="/organisations/riken"]');
      await popup.waitFor({ state: 'visible' });
      assert.ok(await page.evaluate(() => window.kizunaMap.getBounds().contains([35.78944, 139.62333])));
      assert.equal(await page.evaluate(() => window.kizunaMap.getZoom()), 7, 'its region on the offline map');
      assert.match(await page.locator('#partner-riken').getAttribute('class'), /is-highlighted/, 'and lit in the list');
    } finally {
      await page.close();
    }
  });
});

describe('atlas with a configured tile layer', () => {
  let env;
  let tiles;
  const requested = [];
  before(async () => {
    // A stand-in tile server on loopback: every tile is one grey pixel.
    const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');
    tiles = createServer((req, res) => { requested.push(req.url); res.writeHead(200, { 'Content-Type': 'image/png' }); res.end(pixel); });
    await new Promise((r) => tiles.listen(0, '127.0.0.1', r));
    const previous = process.env.KIZUNA_MAP_TILE_URL;
    process.env.KIZUNA_MAP_TILE_URL = `http://127.0.0.1:${tiles.address().port}/{z}/{x}/{y}.png`;
    try {
      env = await startAll();
    } finally {
      if (previous === undefined) delete process.env.KIZUNA_MAP_TILE_URL; else process.env.KIZUNA_MAP_TILE_URL = previous;
    }
  });
  after(async () => { await env?.stop(); tiles?.close(); });

  it('draws the tiles (their place names) under translucent shading, with their credit', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(env.baseUrl + '/map?country=JP');
      await mapLoaded(page);
      await page.locator('.leaflet-tile-loaded').first().waitFor();
      assert.ok(requested.some((u) => /^\/\d+\/\d+\/\d+\.png$/.test(u)), `tiles asked for: ${requested.slice(0, 3)}`);
      const attribution = await page.locator('.leaflet-control-attribution').innerText();
      assert.match(attribution, /Map tiles: 127\.0\.0\.1:\d+/);
      await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path').length > 100);
      const opacities = await page.locator('.leaflet-overlay-pane path').evaluateAll((ps) => [...new Set(ps.map((p) => p.getAttribute('fill-opacity')))]);
      assert.ok(opacities.every((o) => Number(o) <= 0.35), `the tiles show through: ${opacities}`);
      assert.equal(await page.locator('.country-label').count(), 0, 'the tiles name the places');
      const problems = await page.problems();
      assert.deepEqual(problems.cspViolations, []);
    } finally {
      await page.close();
    }
  });
});

describe('atlas without JavaScript', () => {
  let server;
  let context;
  let profile;
  before(async () => {
    server = await startServer();
    profile = mkdtempSync(join(tmpdir(), 'kizuna-browser-nojs-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: PHONE, javaScriptEnabled: false,
    });
  });
  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server?.stop();
  });

  it('submits the filters as a form and lists the partners', async () => {
    const page = await context.newPage();
    try {
      await page.goto(server.baseUrl + '/map?country=JP');
      assert.equal((await page.locator('#map-filter-box > summary').innerText()).trim(), 'Filters (1)');
      await page.locator('#map-filter-box > summary').click();
      await page.selectOption('#m-kind', 'student_exchange');
      await Promise.all([page.waitForURL(/kind=student_exchange/), page.locator('#map-filters button[type="submit"]').click()]);
      assert.match(page.url(), /country=JP/);
      assert.deepEqual(await page.locator('.partner-results > li h3 a').allTextContents(), ['Tokyo Metropolitan University']);
      assert.equal((await page.locator('#map-filter-box > summary').innerText()).trim(), 'Filters (2)');
    } finally {
      await page.close();
    }
  });
});
