// Embeds on another site: a host page served from another origin (allowed
// in KIZUNA_EMBED_ORIGINS) loads /embed.js, which turns each data-kizuna
// element into an iframe that renders its widget and takes its height; a
// host page from an origin that is not allowed sees the frames refused.
// The embed pages pass axe and can be used with the keyboard.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';

import { formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const WIDGETS = [
  { name: 'map', attrs: 'data-country="JP"', heading: 'Partners in Japan' },
  { name: 'agreements', attrs: 'data-country="JP" data-education-level="doctoral"', heading: 'Agreements with partners in Japan' },
  { name: 'funding', attrs: 'data-country="JP"', heading: 'Funding for stays in Japan' },
  { name: 'country', attrs: 'data-country="JP"', heading: 'Collaboration with Japan' },
];

/** A tiny site on its own port whose page embeds every widget from `kizuna()`. */
function hostSite(kizuna) {
  const server = createServer((req, res) => {
    const divs = WIDGETS.map((w) => `<section><h2>${w.name}</h2><div data-kizuna="${w.name}" ${w.attrs}></div></section>`).join('\n');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>University page</title></head>
<body><main><h1>Our partners in Japan</h1>${divs}<p id="end">End of the host page.</p></main>
<script src="${kizuna()}/embed.js" async></script></body></html>`);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      origin: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((r) => server.close(r)),
    }));
  });
}

/** The frame of `widget` in `page`, once its iframe is in the document. */
async function frameOf(page, widget) {
  const handle = await page.waitForSelector(`[data-kizuna="${widget}"] iframe`);
  return { handle, frame: await handle.contentFrame() };
}

/** What a frame shows, or null when its content is not Kizuna's page. */
async function kizunaHeading(frame, kizunaOrigin) {
  try {
    return await frame.evaluate((origin) => (location.origin === origin ? document.querySelector('h1')?.textContent ?? null : null), kizunaOrigin);
  } catch {
    return null;
  }
}

describe('embeds on other sites', () => {
  let env;
  let allowed;
  let refused;
  before(async () => {
    let kizuna = '';
    allowed = await hostSite(() => kizuna);
    refused = await hostSite(() => kizuna);
    env = await startAll({
      env: ({ baseUrl }) => ({ KIZUNA_EMBED_ORIGINS: `${allowed.origin} https://www.example.org`, KIZUNA_PUBLIC_URL: baseUrl }),
    });
    kizuna = env.baseUrl;
  });
  after(async () => {
    await env?.stop();
    await allowed?.close();
    await refused?.close();
  });

  it('an allowed site shows every widget, sized to its content', async () => {
    const page = await openPage(env.browser.context);
    await page.goto(`${allowed.origin}/`, { waitUntil: 'load' });
    for (const w of WIDGETS) {
      const { handle, frame } = await frameOf(page, w.name);
      await frame.waitForSelector('h1');
      assert.equal(await kizunaHeading(frame, env.baseUrl), w.heading, `${w.name} renders`);
      assert.equal(await handle.getAttribute('title') !== null, true, 'the iframe has a title');
      const query = new URL(frame.url()).search;
      assert.ok(query.includes('country=JP'), `${w.name}: ${frame.url()}`);
      // The iframe takes the height its page reports.
      const contentHeight = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      await page.waitForFunction(
        ([sel, h]) => Math.abs(document.querySelector(sel).getBoundingClientRect().height - h) <= 1,
        [`[data-kizuna="${w.name}"] iframe`, contentHeight],
      );
      const problems = await frame.evaluate(() => window.__cspViolations ?? []);
      assert.deepEqual(problems, [], `${w.name}: no CSP violation inside the frame`);
    }
    const agreements = (await frameOf(page, 'agreements')).frame;
    assert.ok(new URL(agreements.url()).search.includes('education_level=doctoral'), 'data-education-level becomes education_level');

    // Opening the map's list makes the frame taller, and the host page follows.
    const { handle: mapHandle, frame: map } = await frameOf(page, 'map');
    const before = (await mapHandle.boundingBox()).height;
    await map.click('details.embed-partners summary');
    await page.waitForFunction(
      ([sel, h]) => document.querySelector(sel).getBoundingClientRect().height > h + 20,
      ['[data-kizuna="map"] iframe', before],
    );

    // A link opens the full site in the top window.
    const link = agreements.locator('.embed-list a').first();
    const href = await link.getAttribute('href');
    assert.ok(href.startsWith(`${env.baseUrl}/agreements/`), href);
    assert.equal(await link.getAttribute('target'), '_top');
    await Promise.all([page.waitForURL(href), link.click()]);
    assert.equal(page.url(), href, 'the host page was replaced by the full site');
    const { pageErrors } = await page.problems();
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('a site that is not allowed sees the frames refused', async () => {
    const page = await openPage(env.browser.context);
    await page.goto(`${refused.origin}/`, { waitUntil: 'load' });
    for (const w of WIDGETS) {
      await frameOf(page, w.name);
    }
    // Chromium reports each refusal as a console error naming frame-ancestors.
    const deadline = Date.now() + 15_000;
    let refusals = [];
    while (Date.now() < deadline) {
      refusals = (await page.problems()).consoleErrors.filter((e) => /frame-ancestors/.test(e.text));
      if (refusals.length >= WIDGETS.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(refusals.length >= WIDGETS.length, `refusals: ${JSON.stringify(refusals)}`);
    for (const w of WIDGETS) {
      const { handle, frame } = await frameOf(page, w.name);
      assert.equal(await kizunaHeading(frame, env.baseUrl), null, `${w.name} must not render`);
      // No height ever came from a refused frame: it keeps the loader's first height.
      assert.equal((await handle.boundingBox()).height, w.name === 'map' ? 520 : 320);
    }
    await page.close();
  });

  for (const w of WIDGETS) {
    it(`/embed/${w.name} passes axe and works with the keyboard`, async () => {
      const page = await openPage(env.browser.context);
      const response = await page.goto(`${env.baseUrl}/embed/${w.name}?country=JP`, { waitUntil: 'load' });
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-security-policy'], new RegExp(`frame-ancestors ${allowed.origin} https://www.example.org;`));
      assert.equal(await page.locator('h1').count(), 1);
      assert.ok((await page.title()).startsWith(w.heading));
      const { all } = await seriousAxeViolations(page);
      assert.equal(all.length, 0, formatViolations(all));
      // Tab reaches a link or control, and focus is visible.
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
      });
      assert.notEqual(focused.tag, 'BODY', JSON.stringify(focused));
      const problems = await page.problems();
      assert.deepEqual(problems.cspViolations, []);
      assert.deepEqual(problems.pageErrors, []);
      await page.close();
    });
  }

  it('the country page and the map offer the snippet, with a copy button', async () => {
    const page = await openPage(env.browser.context);
    for (const [path, expected] of [['/countries/jp', 'data-kizuna="country" data-country="JP"'], ['/map?country=JP', 'data-kizuna="map" data-country="JP"']]) {
      await page.goto(env.baseUrl + path, { waitUntil: 'load' });
      const box = page.locator('details.embed-box');
      await box.locator('summary').click();
      const snippet = await box.locator('textarea').inputValue();
      assert.ok(snippet.includes(expected), snippet);
      assert.ok(snippet.includes(`<script src="${env.baseUrl}/embed.js" async></script>`), snippet);
      assert.equal(await box.locator('button').isVisible(), true, 'the copy button shows with JS');
      const { serious } = await seriousAxeViolations(page);
      assert.equal(serious.length, 0, formatViolations(serious));
    }
    await page.close();
  });
});
