// Record pages and the sign-in page in Swedish and Japanese: an
// organisation, an agreement, a funding opportunity and /login each say
// `<html lang>` in the chosen language, show its words, and axe finds no
// violation in either language.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { formatViolations, openPage, seriousAxeViolations, startAll } from './support/harness.js';

const PAGES = [
  { path: '/organisations/riken', sv: 'Fakta', ja: '概要' },
  { path: '/agreements/tmu-student-exchange', sv: 'Så söker du / vem du frågar', ja: '応募方法・問い合わせ先' },
  { path: '/funding/sweden-japan-foundation-scholarships', sv: 'Vem du frågar', ja: '問い合わせ先' },
  { path: '/login', sv: 'Logga in', ja: 'ログイン' },
];

describe('record pages in Swedish and Japanese', () => {
  let env;
  let page;
  before(async () => {
    env = await startAll();
    page = await openPage(env.browser.context);
  });
  after(async () => {
    await page?.close();
    await env?.stop();
  });

  for (const lang of ['sv', 'ja']) {
    for (const p of PAGES) {
      it(`${p.path} in ${lang} passes axe`, async () => {
        const response = await page.goto(`${env.baseUrl}${p.path}?lang=${lang}`);
        assert.equal(response.status(), 200);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        const headings = await page.locator('h1, h2').allTextContents();
        assert.ok(headings.some((h) => h.includes(p[lang])), `${p[lang]} among ${headings.join(' | ')}`);
        const axe = await seriousAxeViolations(page);
        assert.equal(axe.all.length, 0, `axe on ${p.path} in ${lang}:\n${formatViolations(axe.all)}`);
        const problems = await page.problems();
        assert.deepEqual(problems.pageErrors, [], 'page errors');
        assert.deepEqual(problems.cspViolations, [], 'CSP violations');
      });
    }
  }
});
