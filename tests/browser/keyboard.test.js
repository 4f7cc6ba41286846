// Keyboard use: the skip link comes first and moves focus to the main
// content; the funding finder can be filtered with the keyboard alone;
// focus is always visible.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const activeElement = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? { tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: el.textContent.trim().slice(0, 60), name: el.getAttribute('name') } : null;
});

describe('keyboard', () => {
  let env;
  before(async () => { env = await startAll(); });
  after(async () => { await env?.stop(); });

  for (const path of ['/', '/countries/jp', '/funding', '/organisations/riken', '/no-such-page']) {
    it(`Tab from the start of ${path} reaches the skip link first, and it moves focus to main`, async () => {
      const page = await openPage(env.browser.context);
      try {
        await page.goto(env.baseUrl + path);
        await page.keyboard.press('Tab');
        const first = await activeElement(page);
        assert.equal(first?.tag, 'a');
        assert.match(first.cls, /skip-link/);
        assert.match(first.text, /skip to main content/i);

        // It is visible while focused (it is hidden only off-screen otherwise).
        const box = await page.locator('.skip-link').boundingBox();
        assert.ok(box && box.y >= 0 && box.height > 10, 'the focused skip link is on screen');
        const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
        assert.notEqual(outline, 'none', 'the focused skip link shows a focus outline');

        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'main');
        assert.equal((await activeElement(page)).tag, 'main');
        assert.ok(page.url().endsWith('#main'));

        // The next Tab lands inside main, not back in the header.
        await page.keyboard.press('Tab');
        const inside = await page.evaluate(() => document.querySelector('main').contains(document.activeElement));
        assert.ok(inside, 'Tab after the skip link continues inside main');
      } finally {
        await page.close();
      }
    });
  }

  it('every focusable element in the header shows a visible focus indicator', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${env.baseUrl}/countries/jp`);
      for (let i = 0; i < 8; i += 1) {
        await page.keyboard.press('Tab');
        const style = await page.evaluate(() => {
          const s = getComputedStyle(document.activeElement);
          return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), tag: document.activeElement.tagName };
        });
        assert.ok(style.outline !== 'none' && style.width >= 2, `focus is visible on ${style.tag} (#${i + 1})`);
      }
    } finally {
      await page.close();
    }
  });

  it('the funding finder filters by career stage using only the keyboard', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${env.baseUrl}/funding`);
      const before = await page.locator('main .funding-card').count();
      assert.ok(before >= 3, 'all funding is listed before filtering');

      // Tab until the career stage select has focus.
      let found = false;
      for (let i = 0; i < 40 && !found; i += 1) {
        await page.keyboard.press('Tab');
        found = (await activeElement(page))?.id === 'f-stage';
      }
      assert.ok(found, 'the career stage filter is reachable with Tab');
      // Typing a letter picks the matching option of a closed select.
      await page.keyboard.type('Postdoc');
      assert.equal(await page.inputValue('#f-stage'), 'postdoc');

      // Tab on to the submit button and press Enter.
      for (let i = 0; i < 10; i += 1) {
        await page.keyboard.press('Tab');
        const el = await activeElement(page);
        if (el?.tag === 'button' && /show/i.test(el.text)) break;
      }
      assert.match((await activeElement(page)).text, /show funding/i, 'the submit button has focus');
      await Promise.all([page.waitForURL(/career_stage=postdoc/), page.keyboard.press('Enter')]);

      assert.equal(await page.inputValue('#f-stage'), 'postdoc', 'the choice is kept after submitting');
      const titles = await page.locator('main .funding-card .card-title').allInnerTexts();
      assert.ok(titles.some((t) => /JSPS fellowship/.test(t)), `JSPS fellowships are for postdocs: ${titles}`);
      assert.ok(titles.some((t) => /Sweden-Japan Foundation/.test(t)), `Sweden-Japan Foundation scholarships are for postdocs: ${titles}`);
      assert.ok(!titles.some((t) => /Travel award/.test(t)), 'the travel award records no career stage, so it is filtered out');
      assert.match(await page.locator('#results-h').innerText(), /2 opportunities match your filters/);

      assert.equal(await page.locator('h1').count(), 1);
      const axe = await seriousAxeViolations(page);
      assert.equal(axe.serious.length, 0, formatViolations(axe.serious));
      const problems = await page.problems();
      assert.deepEqual(problems.consoleErrors, []);
      assert.deepEqual(problems.cspViolations, []);
    } finally {
      await page.close();
    }
  });

  it('every form control on the funding finder has a label', async () => {
    const page = await openPage(env.browser.context);
    try {
      await page.goto(`${env.baseUrl}/funding`);
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => el.type !== 'hidden' && el.labels.length === 0 && !el.getAttribute('aria-label'))
        .map((el) => el.id || el.name));
      assert.deepEqual(unlabelled, []);
    } finally {
      await page.close();
    }
  });
});
