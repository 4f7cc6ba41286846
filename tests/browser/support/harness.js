// Shared set-up for the browser tests: a `kizuna serve --demo` on a free
// loopback port with its own data directory, and Debian's Chromium driven by
// playwright-core (no browser is ever downloaded).
//
// Nothing here reaches the network: the server listens on 127.0.0.1 and the
// browser is started with background networking, updates and sync turned off.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');
const require = createRequire(import.meta.url);

/** The server binary; build it first with `cargo build -p kizuna`. */
export const kizunaBin = process.env.KIZUNA_BIN ?? join(repoRoot, 'target', 'debug', 'kizuna');
/** Debian's Chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `kizuna ARGS...` to completion with `input` on stdin; rejects on a
 * non-zero exit. Returns its stdout.
 */
export function runKizuna(args, { input = '', cwd } = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(kizunaBin, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun(out) : reject(new Error(`kizuna ${args.join(' ')} exited ${code}:\n${out}${err}`))));
    child.stdin.end(input);
  });
}

/** Makes an account in a data directory (`kizuna user add`, password on stdin). */
export function addUser(dataDir, email, role, password) {
  return runKizuna(['user', 'add', email, '--role', role, '--data-dir', dataDir], { input: `${password}\n`, cwd: dataDir });
}

/**
 * Starts `kizuna serve --demo` and waits until `/readyz` answers 200.
 * `setup({ dataDir, baseUrl })`, if given, runs first (e.g. to make accounts
 * or write a `kizuna.toml`, which the server reads from its data directory);
 * `env` adds environment variables: an object, or a function of `{ baseUrl }`
 * that returns one; `port` picks the port.
 * Returns `{ baseUrl, dataDir, stop() }`.
 */
export async function startServer({ timeoutMs = 60_000, setup, env = {}, port: chosenPort } = {}) {
  if (!existsSync(kizunaBin)) {
    throw new Error(`${kizunaBin} is missing: run \`cargo build -p kizuna\` first`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-browser-data-'));
  const port = chosenPort ?? await freePort();
  const listen = `127.0.0.1:${port}`;
  if (setup) {
    try {
      await setup({ dataDir, baseUrl: `http://${listen}` });
    } catch (e) {
      rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
  }
  const extraEnv = typeof env === 'function' ? env({ baseUrl: `http://${listen}` }) : env;
  const child = spawn(kizunaBin, ['serve', '--demo', '--listen', listen, '--data-dir', dataDir], {
    cwd: dataDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn', ...extraEnv },
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let exited = null;
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => { exited = { code, signal }; r(exited); }));

  const baseUrl = `http://${listen}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`kizuna exited early (${JSON.stringify(exited)}):\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`kizuna was not ready within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(200);
  }

  return {
    baseUrl,
    dataDir,
    output: () => output,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exitPromise;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts headless Chromium with an empty profile folder.
 * Returns `{ context, close() }`.
 */
export async function startBrowser({ viewport = { width: 1280, height: 900 } } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'kizuna-browser-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Server and browser together, for a `describe` block's before/after hooks. */
export async function startAll(options = {}) {
  const server = await startServer(options);
  let browser;
  try {
    browser = await startBrowser(options);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    server,
    browser,
    baseUrl: server.baseUrl,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

/**
 * Opens a new page that records console errors, page errors and CSP
 * violations. `page.problems()` returns what was seen so far.
 */
export async function openPage(context) {
  const page = await context.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      consoleErrors.push({ text: msg.text(), url: msg.location()?.url ?? '' });
    }
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  // Init scripts come in through the DevTools protocol, so the page's CSP
  // does not stop them; they see every violation from the first byte on.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.problems = async () => ({
    consoleErrors,
    pageErrors,
    cspViolations: await page.evaluate(() => window.__cspViolations ?? []),
  });
  return page;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, which
 * the page's CSP does not govern) and returns violations of impact serious
 * or critical.
 */
export async function seriousAxeViolations(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) {
    await page.evaluate(axeSource);
  }
  const results = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`),
    }));
  });
  return {
    all: results,
    serious: results.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  };
}

/** A readable report of axe violations, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`)
    .join('\n');
}
