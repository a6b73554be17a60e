// Runs Pagefind's own client (SITE/pagefind/pagefind.js and the wasm it loads) under node, with
// no browser and no server: global fetch() is replaced by a shim that reads the requested file
// from SITE/ and counts its bytes (payload only, no HTTP headers; Pagefind's files are already
// gzip-compressed, so a server would not compress them further).
//
//   node pf_query.mjs bytes  SITE QUERY...          cold first query, then the next query
//   node pf_query.mjs recall SITE needles.tsv [K]   is the needle's page in the top K?
//   node pf_query.mjs recall-pagelang SITE needles.tsv [K]
//        the same, but each query is run with <html lang> set to the language of the needle's
//        page (/en/… → en, /de/… → de, else ja): what a visitor searching from that language's
//        pages gets, since Pagefind only searches the index of the page's language
//
// A stub `document` answers <html lang="ja">: Pagefind reads the page language from it, loads
// that language's index and, for "ja", word-segments the query with Intl.Segmenter (without the
// stub the query is not segmented). Each query is search(q) followed by .data() of the top 5
// results (bytes mode) or the top K (recall mode).
//
// Output: one JSON document on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [mode, site, ...rest] = process.argv.slice(2);
if (!mode || !site) {
  console.error('usage: node pf_query.mjs bytes|recall SITE ...');
  process.exit(2);
}
const bundle = path.join(site, 'pagefind');
const ORIGIN = 'http://127.0.0.1:9'; // never contacted: the shim answers
const TOP = 5;

let fetchLog = [];
globalThis.fetch = async (input) => {
  const u = new URL(String(input instanceof Request ? input.url : input), ORIGIN);
  const file = path.join(site, decodeURIComponent(u.pathname));
  const buf = fs.readFileSync(file);
  fetchLog.push({ file: path.relative(bundle, file), bytes: buf.length });
  return new Response(buf, { status: 200 });
};

let LANG = process.env.PF_LANG || 'ja';
globalThis.document = {
  currentScript: null,
  get documentElement() { return { lang: LANG, getAttribute: (a) => (a === 'lang' ? LANG : null) }; },
  querySelector: (sel) => (sel === 'html' ? { lang: LANG, getAttribute: (a) => (a === 'lang' ? LANG : null) } : null),
};

// A fresh module instance (its own caches) per visit: import with a unique ?query.
let instances = 0;
async function freshPagefind() {
  const href = pathToFileURL(path.join(bundle, 'pagefind.js')).href + `?visit=${++instances}`;
  const pf = await import(href);
  await pf.options({ basePath: `${ORIGIN}/pagefind/` });
  return pf;
}

const sitePath = (url) => url.replace(ORIGIN, '');

function category(file) {
  if (file.startsWith('pagefind-entry')) return 'entry';
  if (file.endsWith('.pf_meta')) return 'meta';
  if (file.startsWith('wasm.')) return 'wasm';
  if (file.startsWith('index/')) return 'index';
  if (file.startsWith('filter/')) return 'filter';
  if (file.startsWith('fragment/')) return 'fragment';
  return 'other';
}

function summarize(entries, extra = {}) {
  const by = { ...extra };
  const files = {};
  for (const k of Object.keys(extra)) files[k] = 1;
  for (const { file, bytes } of entries) {
    const c = category(file);
    by[c] = (by[c] || 0) + bytes;
    files[c] = (files[c] || 0) + 1;
  }
  const bytes = Object.values(by).reduce((a, b) => a + b, 0);
  return { bytes, files: Object.values(files).reduce((a, b) => a + b, 0), bytes_by_kind: by, files_by_kind: files, fetched: entries };
}

async function runQuery(pf, q, k) {
  const before = fetchLog.length;
  const t0 = performance.now();
  const r = await pf.search(q);
  const top = await Promise.all(r.results.slice(0, k).map((x) => x.data()));
  const ms = performance.now() - t0;
  return { total: r.results.length, top: top.map((d) => sitePath(d.url)), ms_node: Math.round(ms * 10) / 10, entries: fetchLog.slice(before) };
}

async function bytesMode(queries) {
  const jsBytes = fs.statSync(path.join(bundle, 'pagefind.js')).size;
  const out = [];
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i];
    fetchLog = [];
    const cold = await freshPagefind();
    const first = await runQuery(cold, q, TOP);
    await cold.destroy?.();
    const prevQ = queries[(i + queries.length - 1) % queries.length];
    fetchLog = [];
    const warm = await freshPagefind();
    const warmup = await runQuery(warm, prevQ, TOP);
    const next = await runQuery(warm, q, TOP);
    await warm.destroy?.();
    const f = summarize(first.entries, { 'pagefind.js': jsBytes });
    out.push({
      query: q,
      results: first.total,
      top5: first.top,
      pagefind_js_bytes: jsBytes,
      first: { total: first.total, ms_node: first.ms_node, ...f, data_bytes: f.bytes - jsBytes - (f.bytes_by_kind.wasm || 0) },
      next: { after: prevQ, after_bytes: summarize(warmup.entries, { 'pagefind.js': jsBytes }).bytes, total: next.total, ms_node: next.ms_node, ...summarize(next.entries) },
    });
  }
  return { tool: 'pagefind', loads: `search(q) + .data() of the top ${TOP}; pagefind.js and the wasm counted in the first query`, queries: out };
}

function readNeedles(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => { const [url, kind, variant, query] = l.split('\t'); return { url, kind, variant, query }; })
    .filter((r) => r.url && r.url.startsWith('/'));
}

async function recallMode(needleFile, k, pageLang) {
  const needles = readNeedles(needleFile);
  const langOf = (url) => (pageLang ? (/^\/(en|de)\//.exec(url)?.[1] || 'ja') : LANG);
  const rows = new Array(needles.length);
  // one visit (one Pagefind instance) per page language, run one after the other
  for (const lang of [...new Set(needles.map((n) => langOf(n.url)))]) {
    LANG = lang;
    const pf = await freshPagefind();
    for (let i = 0; i < needles.length; i++) {
      const n = needles[i];
      if (langOf(n.url) !== lang) continue;
      const r = await runQuery(pf, n.query, k);
      rows[i] = { ...n, lang, results: r.total, rank: r.top.indexOf(n.url) + 1 };
    }
    await pf.destroy?.();
  }
  return { tool: 'pagefind', top_k: k, lang: pageLang ? 'the needle page\'s language' : LANG, rows };
}

let result;
if (mode === 'bytes') result = await bytesMode(rest);
else if (mode === 'recall') result = await recallMode(rest[0], Number(rest[1] || 10), false);
else if (mode === 'recall-pagelang') result = await recallMode(rest[0], Number(rest[1] || 10), true);
else throw new Error(`unknown mode ${mode}`);
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
