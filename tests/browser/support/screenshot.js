// Takes a screenshot of a page of a running Kizuna (or of one it starts).
//
//   node tests/browser/support/screenshot.js [--base http://127.0.0.1:8181]
//        [--path /countries/jp] [--out docs/screenshot.png] [--width 1280]
//        [--height 900] [--full] [--scroll 0] [--print]
//
// Without --base it starts `kizuna serve --demo` itself.

import { parseArgs } from 'node:util';

import { openPage, startBrowser, startServer } from './harness.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    path: { type: 'string', default: '/countries/jp' },
    out: { type: 'string', default: 'docs/screenshot.png' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '900' },
    full: { type: 'boolean', default: false },
    scroll: { type: 'string', default: '0' },
    print: { type: 'boolean', default: false },
  },
});

const server = values.base ? null : await startServer();
const base = values.base ?? server.baseUrl;
const browser = await startBrowser({ viewport: { width: Number(values.width), height: Number(values.height) } });
try {
  const page = await openPage(browser.context);
  if (values.print) await page.emulateMedia({ media: 'print' });
  const res = await page.goto(base + values.path, { waitUntil: 'load' });
  await page.evaluate((y) => window.scrollTo(0, y), Number(values.scroll));
  await page.screenshot({ path: values.out, fullPage: values.full });
  const problems = await page.problems();
  console.log(`${res.status()} ${values.path} -> ${values.out}`, JSON.stringify(problems));
} finally {
  await browser.close();
  if (server) await server.stop();
}
