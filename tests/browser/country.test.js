// The Japan country page: its table of contents works, Japanese names are
// shown (and tagged as Japanese), and the facts of the seed page are there
// and easy to find.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { openPage, startAll } from './support/harness.js';

describe('country page /countries/jp', () => {
  let env;
  let page;
  before(async () => {
    env = await startAll();
    page = await openPage(env.browser.context);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const response = await page.goto(`${env.baseUrl}/countries/jp`);
    assert.equal(response.status(), 200);
  });
  after(async () => {
    await page?.close();
    await env?.stop();
  });

  const text = (selector) => page.locator(selector).innerText();

  it('has a table of contents whose links jump to their sections', async () => {
    const links = page.locator('nav.toc ol a');
    const count = await links.count();
    assert.ok(count >= 10, `the table of contents lists the sections (${count})`);
    for (let i = 0; i < count; i += 1) {
      const link = links.nth(i);
      const href = await link.getAttribute('href');
      assert.match(href, /^#[a-z-]+$/);
      const target = page.locator(href);
      assert.equal(await target.count(), 1, `${href} exists`);
      assert.equal(await target.evaluate((el) => el.tagName), 'SECTION');
      assert.ok(await target.locator('h2').count() >= 1, `${href} has a heading`);

      await link.click();
      await page.waitForFunction((h) => window.location.hash === h, href);
      // The section's heading is scrolled into view, near the top of the
      // viewport (or the page cannot scroll further).
      await page.waitForFunction((h) => {
        const top = document.querySelector(h).getBoundingClientRect().top;
        const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
        return (top >= -2 && top < 120) || (atBottom && top >= -2 && top < window.innerHeight);
      }, href, { timeout: 5000 });
    }
  });

  it('keeps the table of contents in view on wide screens', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const box = await page.locator('nav.toc').boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 200, `the table of contents stays on screen (y=${box?.y})`);
  });

  it('shows the Japanese names 東京大学 and 理化学研究所, tagged lang="ja"', async () => {
    for (const name of ['東京大学', '理化学研究所']) {
      const el = page.locator('#overview [lang="ja"]', { hasText: name }).first();
      await el.scrollIntoViewIfNeeded();
      assert.ok(await el.isVisible(), `${name} is visible`);
      assert.equal(await el.innerText(), name);
    }
    // Names in other languages are never tagged as Japanese.
    const mislabelled = await page.evaluate(() => [...document.querySelectorAll('[lang="ja"]')]
      .map((el) => el.textContent)
      .filter((t) => !/[\u3040-\u30ff\u4e00-\u9fff]/.test(t)));
    assert.deepEqual(mislabelled, []);
  });

  it('says plainly that no MOU partner is recorded', async () => {
    assert.match(await text('#overview .key-facts'), /Memoranda of understanding \(MOU\)\s*None recorded/);
    assert.match(await text('#agreements'), /No memorandum of understanding \(MOU\) is recorded — the registry holds no MOU partner in Japan/);
    assert.equal(await page.locator('#agreements a[href^="/agreements/"]', { hasText: /memorandum/i }).count(), 0);
  });

  it('says the RIKEN PhD exchange is the only central agreement of KI itself', async () => {
    const facts = await text('#overview .key-facts');
    assert.match(facts, /Central-level agreements of Karolinska Institutet itself\s*Only one: PhD short-term exchange agreement, Karolinska Institutet – RIKEN/);
    assert.match(await text('#doctoral'), /The only central-level agreement KI has with a Japanese university is a\s+PhD short-term exchange agreement with RIKEN/);
    assert.match(await text('#doctoral .stage-summary'), /PhD short-term exchange agreement/);
  });

  it('says there are no central postdoc agreements', async () => {
    assert.match(await text('#overview .key-facts'), /Central postdoc agreements\s*None/);
    assert.match(await text('#postdoc .stage-summary'), /Central-level agreements for postdocs\s*None/);
    assert.match(await text('#postdoc'), /KI has no central postdoc agreements with any Japanese\s+university/);
  });

  it('shows the Trio–UTokyo Strategic Partnership and its renewal in 2022', async () => {
    const partnerships = await text('#partnerships');
    assert.match(partnerships, /Stockholm Trio brings together Karolinska Institutet \(KI\), KTH Royal Institute of Technology \(KTH\) and Stockholm University \(SU\)/);
    assert.match(partnerships, /Renewal history/i);
    assert.match(partnerships, /Renewed in 2022/);
    assert.match(partnerships, /workshops/);
    assert.match(partnerships, /travel grants for doctoral students and postdocs/);
    assert.match(await text('#overview .key-facts'), /renewed 2022/);
  });

  it('names the administrative bases of the UTokyo-KI LINK programme', async () => {
    const card = page.locator('#programmes .programme-card', { hasText: 'UTokyo-KI LINK programme' });
    const bases = await card.locator('dd', { hasText: 'Department of Cell and Molecular Biology' }).innerText();
    assert.match(bases, /At Karolinska Institutet: Department of Cell and Molecular Biology \(CMB\) and Department of Biosciences and Nutrition \(BioNut\)/);
    assert.match(bases, /At The University of Tokyo: Institute for Quantitative Biosciences/);
  });

  it('lists the three TMU study programmes', async () => {
    const summary = await text('#education .stage-summary');
    assert.match(summary, /Study programmes \(3\)/);
    for (const programme of ['Nursing', 'Occupational therapy', 'Physiotherapy']) {
      assert.match(summary, new RegExp(programme));
    }
    assert.match(await text('#education'), /Tokyo Metropolitan University \(TMU\)/);
  });

  it('tells of the JSPS Scandinavian office at KI, the embassy and the funders', async () => {
    const funders = await text('#funders');
    for (const name of ['Japan Society for the Promotion of Science', 'Scandinavian Office of the Japan Society for the Promotion of Science', 'Embassy of Japan in Stockholm', 'Sweden-Japan Foundation']) {
      assert.ok(funders.includes(name), `${name} is among the funders and supporters`);
    }
    const funding = await text('#funding');
    assert.match(funding, /Scandinavian office of JSPS is\s+located at KI/);
    assert.match(funding, /Japanese embassy in Stockholm/);
    for (const title of ['JSPS fellowship programmes', 'Sweden-Japan Foundation scholarships', 'Travel award for lab visits at the University of Tokyo']) {
      assert.ok(funding.includes(title), `${title} is listed`);
    }
    assert.match(funding, /Swedish-funded programmes, but they are mainly for postdocs and\s+researchers/);
  });

  it('names the two contacts with their roles', async () => {
    const contacts = await text('#contacts');
    assert.match(contacts, /Lotta Lundqvist\s+International Coordinator/);
    assert.match(contacts, /Per Nilsson\s+Academic coordinator Japan/);
  });

  it('keeps the overview facts of the seed page', async () => {
    const overview = await text('#overview');
    assert.match(overview, /Collaborating for\s*25 years/);
    assert.match(overview, /RIKEN.*The University of Tokyo.*Tokyo Metropolitan University/s);
    for (const field of ['Neuroscience', 'Genomics', 'Cell biology', 'Immunology']) {
      assert.ok(overview.includes(field), `${field} is a most active research field`);
    }
    assert.match(overview, /annual PhD course/);
    assert.match(overview, /Yokohama campus/);
    assert.match(overview, /Dr Per Nilsson and Professor Agneta Richter-Dahlfors/);
  });

  it('prints without navigation and table of contents', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.locator('nav.toc').isVisible(), false);
      assert.equal(await page.locator('.site-search').isVisible(), false);
      assert.equal(await page.locator('h1').isVisible(), true);
      assert.equal(await page.locator('#contacts').isVisible(), true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
