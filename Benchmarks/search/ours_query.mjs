// Runs Kirameki's own search client (SITE/assets/search.<hash>.js, the file the site ships) under
// node, with no browser and no server: the Searcher's injectable fetchData(path) reads the file
// from SITE/ and counts its bytes, so the figures are exactly the payload the client asks for
// (HTTP headers not included; the .gz files are served as they are).
//
//   node ours_query.mjs bytes  SITE QUERY...          cold first query, then the next query
//   node ours_query.mjs recall SITE needles.tsv [K]   is the needle's page in the top K?
//
// Each search is what the search page does (themes/default/assets/search.js, initSearchPage):
// searcher.search(q, {facetNames: SEARCH_FACETS}) with the default page size 10, which loads the
// manifest, the token shards, the facets file (when there are results) and the document chunks
// of the top 10 (the phrase-bonus window and the first results page).
//
// Output: one JSON document on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [mode, site, ...rest] = process.argv.slice(2);
if (!mode || !site) {
  console.error('usage: node ours_query.mjs bytes|recall SITE ...');
  process.exit(2);
}

// The search page's facet list (SEARCH_FACETS in search.js, not exported).
const SEARCH_FACETS = ['type', 'status', 'kind', 'focus', 'tech', 'clinical', 'jp_class', 'eu_class', 'cert', 'involvement', 'lang'];

function clientFile() {
  const dir = path.join(site, 'assets');
  const js = fs.readdirSync(dir).filter((f) => /^search\.[0-9a-f]+\.js$/.test(f)).sort();
  if (js.length !== 1) throw new Error(`expected one assets/search.<hash>.js in ${dir}, found ${js.join(', ') || 'none'}`);
  return path.join(dir, js[0]);
}

function manifestUrl() {
  // the search page links the manifest in data-search-index (the same on every page)
  const html = fs.readFileSync(path.join(site, 'search', 'index.html'), 'utf8');
  const m = /data-search-index="([^"]+)"/.exec(html);
  if (!m) throw new Error('no data-search-index in search/index.html');
  return m[1];
}

const clientPath = clientFile();
const client = await import(pathToFileURL(clientPath).href);
const MANIFEST = manifestUrl();

function newVisit() {
  const log = [];
  const fetchData = async (p) => {
    const u = new URL(p, 'http://127.0.0.1/'); // site-absolute paths only
    const file = path.join(site, decodeURIComponent(u.pathname));
    const buf = fs.readFileSync(file);
    log.push({ file: u.pathname, bytes: buf.length });
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  };
  const searcher = new client.Searcher({ manifestUrl: MANIFEST, fetchData });
  return { searcher, log };
}

function kindOf(file) {
  if (/\/manifest\.[^/]+\.json$/.test(file)) return 'manifest';
  if (/\/t\/\d+\.(?:bin|json)\.gz$/.test(file)) return 'shard'; // t/<n>.bin.gz (index version 2; 1: .json.gz)
  if (/\/d\/\d+\.json\.gz$/.test(file)) return 'chunk';
  if (/\/facets\.json\.gz$/.test(file)) return 'facets';
  return 'other';
}

function summarize(entries) {
  const by = {};
  const files = {};
  let total = 0;
  for (const { file, bytes } of entries) {
    const k = kindOf(file);
    by[k] = (by[k] || 0) + bytes;
    files[k] = (files[k] || 0) + 1;
    total += bytes;
  }
  return { bytes: total, files: entries.length, bytes_by_kind: by, files_by_kind: files, fetched: entries };
}

async function runQuery(visit, q) {
  const before = visit.log.length;
  const t0 = performance.now();
  const r = await visit.searcher.search(q, { facetNames: SEARCH_FACETS });
  const ms = performance.now() - t0;
  return {
    total: r.total,
    top10: r.results.map((x) => x.doc.u),
    ms_node: Math.round(ms * 10) / 10,
    ...summarize(visit.log.slice(before)),
  };
}

async function bytesMode(queries) {
  const jsBytes = fs.statSync(clientPath).size;
  const out = [];
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i];
    // first query of a visit: a fresh Searcher (empty cache)
    const cold = newVisit();
    const first = await runQuery(cold, q);
    // the same query as the NEXT query of a visit that already ran the previous query of the list
    const prevQ = queries[(i + queries.length - 1) % queries.length];
    const warm = newVisit();
    const warmup = await runQuery(warm, prevQ);
    const next = await runQuery(warm, q);
    out.push({
      query: q,
      results: first.total,
      top10: first.top10,
      client_js: path.basename(clientPath),
      client_js_bytes: jsBytes,
      first: { ...first, data_bytes: first.bytes, bytes: first.bytes + jsBytes },
      next: { after: prevQ, after_bytes: warmup.bytes + jsBytes, ...next },
    });
  }
  return { tool: 'kirameki', loads: 'manifest + token shards + facets + document chunks of the top 10 (first results page); client JS counted in the first query', queries: out };
}

function readNeedles(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => { const [url, kind, variant, query] = l.split('\t'); return { url, kind, variant, query }; })
    .filter((r) => r.url && r.url.startsWith('/'));
}

async function recallMode(needleFile, k) {
  const visit = newVisit();
  const rows = [];
  for (const n of readNeedles(needleFile)) {
    const r = await visit.searcher.search(n.query, { facetNames: SEARCH_FACETS, pageSize: k });
    const urls = r.results.map((x) => x.doc.u);
    rows.push({ ...n, results: r.total, rank: urls.indexOf(n.url) + 1 });
  }
  return { tool: 'kirameki', top_k: k, rows };
}

let result;
if (mode === 'bytes') result = await bytesMode(rest);
else if (mode === 'recall') result = await recallMode(rest[0], Number(rest[1] || 10));
else throw new Error(`unknown mode ${mode}`);
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
