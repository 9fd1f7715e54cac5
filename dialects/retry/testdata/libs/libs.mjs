#!/usr/bin/env node
// libs.mjs - run REAL npm HTTP retry libraries against loopback HTTP servers and
// report, for each run, how many HTTP requests the library sent and how long it
// asked to sleep before each retry.
//
// Input (stdin, one JSON document):
//   {"cases": [{"id": "c1", "lib": "got", "method": "GET", "url": "http://127.0.0.1:PORT", "options": null}, ...]}
// Output (stdout, one JSON line per run; every case is run twice, "lo" then "hi"):
//   {"id": "c1", "run": "lo", "lib": "got", "version": "14.6.6", "attempts": 3, "delaysMs": [1000, 2000], "error": ""}
//
// WHERE `options` GOES (the string is evaluated with new Function('return (' + s + ')')()
// and must yield an object; null/absent means {}):
//   got     -> spread into the 2nd argument:   got(url + '/x', {method, [json: {a: 1} for POST], ...options})
//              (e.g. {retry: {limit: 4, backoffLimit: 5000}}; got merges `retry` with its defaults)
//   ky      -> spread into ky's options:       ky(url + '/x', {method, [json: {a: 1} for POST], ...options})
//              (e.g. {retry: {limit: 3}}; ky merges `retry` with its defaults)
//   openai  -> spread into the constructor:    new OpenAI({apiKey: 'sk-test', baseURL: url + '/v1', ...options})
//              GET -> client.models.list(); POST -> client.chat.completions.create({model: 'x', messages: [...]})
//   stripe  -> spread into the constructor config:
//              new Stripe('sk_test_123', {host: '127.0.0.1', port: PORT, protocol: 'http', ...options})
//              GET -> stripe.customers.list(); POST -> stripe.customers.create({email: 'a@b.c'})
//              (maxNetworkRetries is NOT set by the harness: the library default applies unless options set it)
//   octokit -> spread into the constructor:    new (Octokit.plugin(retry))({baseUrl: url, ...options})
//              then octokit.request(`${method} /repos/o/r/issues`, POST: {title: 'x', body: 'y'})
//              (e.g. {retry: {retries: 2, retryAfterBaseValue: 500}})
//   The harness never adds anything else to the library's options.
//
// Each run: Math.random is replaced by () => 0 ("lo") or () => 1 - 2**-53 ("hi") and restored after.
//
// HOW SLEEPS ARE INTERCEPTED: globalThis.setTimeout is wrapped during a run. Each call's
// creation stack is inspected; only calls made from the exact source line where the
// library schedules its retry sleep (found at start-up by scanning the installed source
// for a unique code pattern, see SITES below / README.md) are treated as retry sleeps: the
// requested duration is recorded verbatim (the library's own computed value) and the timer
// is re-armed with 0 ms. Every other timer (request timeouts, ky's 10 s timeout, openai's
// fetch timeout, socket timers, bottleneck's initial 0 ms scheduling, ...) passes through
// untouched. Note that Node itself treats a timer duration that is NaN, < 1 or > 2^31-1 as
// 1 ms; delaysMs reports what the library asked for (non-finite values are reported as null).
//
// HOW ATTEMPTS ARE COUNTED: node:diagnostics_channel subscriptions to
// 'http.client.request.start' (node:http, used by got and stripe) and
// 'undici:client:sendHeaders' (global fetch, used by ky, openai and octokit), counting
// only requests whose host:port is the case's url.
//
// `error` is "" unless the harness itself failed, or the library ended with something other
// than its normal HTTP-status error for the status the server sent (e.g. a bad option, a
// connection error, or a watchdog timeout).

import dc from 'node:diagnostics_channel';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------
// Library loading and versions
// ---------------------------------------------------------------------------

function pkgDir(name) {
  // Resolve the package root through its package.json location on disk
  // (the exports maps forbid resolving internal files directly).
  let dir = HERE;
  for (;;) {
    const cand = path.join(dir, 'node_modules', ...name.split('/'));
    if (fs.existsSync(path.join(cand, 'package.json'))) return cand;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package ${name} not found`);
    dir = up;
  }
}

function pkgVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(pkgDir(name), 'package.json'), 'utf8')).version;
}

// The version reported for each lib ("octokit" reports @octokit/plugin-retry's version).
const VERSION_PKG = {
  got: 'got',
  ky: 'ky',
  openai: 'openai',
  stripe: 'stripe',
  octokit: '@octokit/plugin-retry',
};

const versions = {};
for (const [lib, pkg] of Object.entries(VERSION_PKG)) {
  try { versions[lib] = pkgVersion(pkg); } catch { versions[lib] = ''; }
}

// ---------------------------------------------------------------------------
// Retry-sleep sites
// ---------------------------------------------------------------------------
// For each library: the file holding the setTimeout call that implements the retry
// sleep, a pattern that must match exactly one line of it (that line is the call site),
// and optionally a caller frame (file + pattern) that must also be on the stack.

const SITES = {
  got: {
    file: ['got', 'dist/source/core/index.js'],
    pattern: /setTimeout\(resolve, backoff\)/,
  },
  ky: {
    file: ['ky', 'distribution/utils/delay.js'],
    pattern: /setTimeout\(/,
    caller: { file: ['ky', 'distribution/core/Ky.js'], pattern: /await delay\(ms,/ },
  },
  openai: {
    file: ['openai', 'internal/utils/sleep.mjs'],
    pattern: /setTimeout\(resolve, ms\)/,
    caller: { file: ['openai', 'client.mjs'], pattern: /await sleep\(timeoutMillis\)/ },
  },
  stripe: {
    file: ['stripe', 'esm/RequestSender.js'],
    pattern: /return setTimeout\(requestFn, this\._getSleepTimeInMS\(/,
  },
  octokit: {
    // @octokit/plugin-retry hands the delay to Bottleneck ("failed" event return value);
    // Bottleneck re-runs the job through Bottleneck._run(), which arms setTimeout(..., wait).
    // Only the _run call made from Job._onFailure ("return run(retryAfter)") is a retry sleep;
    // the first scheduling of every job goes through the same setTimeout with wait 0.
    file: ['bottleneck', 'light.js'],
    pattern: /timeout: setTimeout\(\(\) => \{/,
    caller: { file: ['bottleneck', 'light.js'], pattern: /return run\(retryAfter\);/ },
  },
};

function findLine(file, pattern) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const hits = [];
  lines.forEach((l, i) => { if (pattern.test(l)) hits.push(i + 1); });
  if (hits.length !== 1) throw new Error(`expected exactly one match of ${pattern} in ${file}, got ${hits.length}`);
  return hits[0];
}

const siteInfo = {}; // lib -> {site: 'abs:line', caller?: 'abs:line'} or {error}
for (const [lib, s] of Object.entries(SITES)) {
  try {
    const f = path.join(pkgDir(s.file[0]), s.file[1]);
    const info = { file: f, line: findLine(f, s.pattern) };
    info.key = `${f}:${info.line}:`;
    if (s.caller) {
      const cf = path.join(pkgDir(s.caller.file[0]), s.caller.file[1]);
      info.callerFile = cf;
      info.callerLine = findLine(cf, s.caller.pattern);
      info.callerKey = `${cf}:${info.callerLine}:`;
    }
    siteInfo[lib] = info;
  } catch (e) {
    siteInfo[lib] = { error: `retry-sleep site not found: ${e.message}` };
  }
}
export const SLEEP_SITES = siteInfo;

// ---------------------------------------------------------------------------
// Request counting (diagnostics channels)
// ---------------------------------------------------------------------------

let counter = null; // {hostport, n}

function hostPortOfHttp(req) {
  try {
    const h = req.getHeader && req.getHeader('host');
    if (h) return String(h).toLowerCase();
  } catch { /* ignore */ }
  return `${req.host}:${req.socket?.remotePort ?? ''}`;
}

dc.subscribe('http.client.request.start', (msg) => {
  if (!counter) return;
  const hp = hostPortOfHttp(msg.request);
  if (hp === counter.hostport) counter.n++;
});
dc.subscribe('undici:client:sendHeaders', (msg) => {
  if (!counter) return;
  let hp = '';
  try { hp = new URL(msg.request.origin).host.toLowerCase(); } catch { /* ignore */ }
  if (hp === counter.hostport) counter.n++;
});

// ---------------------------------------------------------------------------
// setTimeout interception
// ---------------------------------------------------------------------------

const realSetTimeout = globalThis.setTimeout;
// LIBS_DEBUG_TIMERS=1 logs every setTimeout made during a run to stderr (retry sleeps and the rest).
const DEBUG_TIMERS = process.env.LIBS_DEBUG_TIMERS === '1';
const realRandom = Math.random;

function makePatchedSetTimeout(info, delays, shorten) {
  return function patchedSetTimeout(fn, ms, ...args) {
    const saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 30;
    const stack = new Error().stack || '';
    Error.stackTraceLimit = saved;
    if (stack.includes(info.key) && (!info.callerKey || stack.includes(info.callerKey))) {
      const n = Number(ms);
      delays.push(Number.isFinite(n) ? n : null);
      if (DEBUG_TIMERS) process.stderr.write(`[timer] RETRY SLEEP ${ms} ms\n`);
      return realSetTimeout(fn, shorten ? 0 : ms, ...args);
    }
    if (DEBUG_TIMERS) {
      const site = stack.split('\n').slice(2).find((l) => !l.includes('node:internal')) || '';
      process.stderr.write(`[timer] passed through ${ms} ms ${site.trim()}\n`);
    }
    return realSetTimeout(fn, ms, ...args);
  };
}

// ---------------------------------------------------------------------------
// Library drivers
// ---------------------------------------------------------------------------

const mods = {};
async function load(lib) {
  if (mods[lib]) return mods[lib];
  switch (lib) {
    case 'got': mods[lib] = (await import('got')).default; break;
    case 'ky': mods[lib] = (await import('ky')).default; break;
    case 'openai': mods[lib] = (await import('openai')).default; break;
    case 'stripe': mods[lib] = (await import('stripe')).default; break;
    case 'octokit': {
      const { Octokit } = await import('@octokit/core');
      const { retry } = await import('@octokit/plugin-retry');
      mods[lib] = Octokit.plugin(retry);
      break;
    }
    default: throw new Error(`unknown lib ${JSON.stringify(lib)}`);
  }
  return mods[lib];
}

const BODY = { a: 1 };

// Each driver returns {expected: bool, detail: string} describing how the call ended.
// "expected" means the library's normal outcome: its HTTP-status error carrying `status`
// (or a plain resolved value if the options made it not throw).
const DRIVERS = {
  async got(mod, method, url, options) {
    try {
      await mod(url + '/x', { method, ...(method === 'POST' ? { json: BODY } : {}), ...options });
      return { expected: true };
    } catch (e) {
      return classify(e, e?.response?.statusCode, e?.name === 'HTTPError');
    }
  },
  async ky(mod, method, url, options) {
    try {
      const r = await mod(url + '/x', { method, ...(method === 'POST' ? { json: BODY } : {}), ...options });
      if (r && r.body) await r.arrayBuffer().catch(() => {});
      return { expected: true };
    } catch (e) {
      return classify(e, e?.response?.status, e?.name === 'HTTPError');
    }
  },
  async openai(OpenAI, method, url, options) {
    try {
      const client = new OpenAI({ apiKey: 'sk-test', baseURL: url + '/v1', ...options });
      if (method === 'POST') {
        await client.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: 'hi' }] });
      } else {
        await client.models.list();
      }
      return { expected: true };
    } catch (e) {
      return classify(e, e?.status, e instanceof OpenAI.APIError);
    }
  },
  async stripe(Stripe, method, url, options) {
    const u = new URL(url);
    try {
      const stripe = new Stripe('sk_test_123', {
        host: u.hostname, port: Number(u.port), protocol: 'http', ...options,
      });
      if (method === 'POST') await stripe.customers.create({ email: 'a@b.c' });
      else await stripe.customers.list();
      return { expected: true };
    } catch (e) {
      // A body without an "error" member resolves; a non-JSON body gives StripeAPIError
      // ("Invalid JSON received") without statusCode: both are the library's normal outcome.
      const isStripe = typeof e?.type === 'string' && e.type.startsWith('Stripe') && e.type !== 'StripeConnectionError';
      return classify(e, e?.statusCode ?? currentStatus, isStripe);
    }
  },
  async octokit(MyOctokit, method, url, options) {
    try {
      const octokit = new MyOctokit({ baseUrl: url, ...options });
      const params = method === 'POST' ? { title: 'x', body: 'y' } : {};
      await octokit.request(`${method} /repos/o/r/issues`, params);
      return { expected: true };
    } catch (e) {
      return classify(e, e?.status, e?.name === 'HttpError');
    }
  },
};

let currentStatus = 0;
function classify(e, status, isStatusError) {
  if (isStatusError && Number(status) === currentStatus) return { expected: true };
  const name = e?.name || e?.constructor?.name || typeof e;
  const msg = e?.message ?? String(e);
  const cause = e?.cause ? ` (cause: ${e.cause?.code || e.cause?.message || e.cause})` : '';
  return { expected: false, detail: `library ended with ${name}: ${msg}${cause}`.slice(0, 500) };
}

// ---------------------------------------------------------------------------
// One run
// ---------------------------------------------------------------------------

function evalOptions(s) {
  if (s === null || s === undefined || s === '') return {};
  if (typeof s === 'object') return s;
  const v = new Function('return (' + s + ')')();
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object') throw new Error('options did not evaluate to an object');
  return v;
}

const RUNS = { lo: () => 0, hi: () => 1 - 2 ** -53 };

/**
 * Run one case once.
 * @param {object} c        the case {id, lib, method, url, options}
 * @param {string} run      'lo' | 'hi'
 * @param {object} [opt]    {shorten: true (default) - retry sleeps re-armed with 0 ms;
 *                           false - sleeps really happen, durations still recorded;
 *                           watchdogMs: real-time limit of the run (default 20000, 0 = none);
 *                           expectStatus: status the server answers with (for classifying the end);
 *                             if absent it is learned from the first response}
 */
export async function runCase(c, run, opt = {}) {
  const shorten = opt.shorten !== false;
  const watchdogMs = opt.watchdogMs ?? 20000;
  const out = {
    id: c?.id ?? null,
    run,
    lib: c?.lib ?? null,
    version: versions[c?.lib] ?? '',
    attempts: 0,
    delaysMs: [],
    error: '',
  };
  let hostport;
  let options;
  let mod;
  try {
    if (!DRIVERS[c.lib]) throw new Error(`unknown lib ${JSON.stringify(c.lib)}`);
    if (siteInfo[c.lib].error) throw new Error(siteInfo[c.lib].error);
    const u = new URL(c.url);
    hostport = u.host.toLowerCase();
    options = evalOptions(c.options);
    mod = await load(c.lib);
  } catch (e) {
    out.error = `harness: ${e?.message ?? e}`;
    return out;
  }
  const method = String(c.method || 'GET').toUpperCase();
  const url = String(c.url).replace(/\/+$/, '');
  const delays = [];
  counter = { hostport, n: 0 };
  currentStatus = opt.expectStatus ?? 0;
  const statusProbe = opt.expectStatus == null;
  let statusSub;
  if (statusProbe) {
    // Learn the server's status from the first response of this run.
    statusSub = (msg) => {
      if (currentStatus) return;
      const code = msg?.response?.statusCode ?? msg?.response?.status;
      if (typeof code === 'number') currentStatus = code;
    };
    dc.subscribe('http.client.response.finish', statusSub);
    dc.subscribe('undici:request:headers', statusSub);
  }
  let watchdog;
  globalThis.setTimeout = makePatchedSetTimeout(siteInfo[c.lib], delays, shorten);
  Math.random = RUNS[run] ?? realRandom;
  try {
    const p = DRIVERS[c.lib](mod, method, url, options);
    const res = watchdogMs > 0
      ? await Promise.race([p, new Promise((resolve) => {
        watchdog = realSetTimeout(() => resolve({ expected: false, detail: `harness: watchdog: run did not finish within ${watchdogMs} ms` }), watchdogMs);
      })])
      : await p;
    if (!res.expected) out.error = res.detail || 'unexpected outcome';
  } catch (e) {
    out.error = `harness: ${e?.message ?? e}`;
  } finally {
    if (watchdog) clearTimeout(watchdog);
    Math.random = realRandom;
    globalThis.setTimeout = realSetTimeout;
    if (statusSub) {
      dc.unsubscribe('http.client.response.finish', statusSub);
      dc.unsubscribe('undici:request:headers', statusSub);
    }
    out.attempts = counter.n;
    counter = null;
  }
  out.delaysMs = delays;
  return out;
}

// ---------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------

async function readStdin() {
  const chunks = [];
  for await (const ch of process.stdin) chunks.push(ch);
  return Buffer.concat(chunks).toString('utf8');
}

function writeLine(obj) {
  return new Promise((resolve) => process.stdout.write(JSON.stringify(obj) + '\n', resolve));
}

async function main() {
  // Keep stdout clean: anything a library logs goes to stderr.
  for (const k of ['log', 'info', 'debug']) console[k] = (...a) => console.error(...a);
  let doc;
  try {
    doc = JSON.parse(await readStdin());
    if (!doc || !Array.isArray(doc.cases)) throw new Error('input must be {"cases": [...]}');
  } catch (e) {
    process.stderr.write(`libs.mjs: cannot read input: ${e.message}\n`);
    process.exit(2);
  }
  for (const c of doc.cases) {
    for (const run of ['lo', 'hi']) {
      let r;
      try {
        r = await runCase(c, run);
      } catch (e) {
        r = { id: c?.id ?? null, run, lib: c?.lib ?? null, version: versions[c?.lib] ?? '', attempts: 0, delaysMs: [], error: `harness: ${e?.message ?? e}` };
      }
      await writeLine(r);
    }
  }
  process.exit(0);
}

process.on('unhandledRejection', (e) => {
  process.stderr.write(`libs.mjs: unhandled rejection (ignored): ${e?.stack ?? e}\n`);
});

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  main();
}
