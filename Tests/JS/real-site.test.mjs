// The client against the real index that `kirameki build` wrote (site/ by default, or the folder in
// KIRAMEKI_SITE). Skipped when no index has been built. Checks that the Swift writer and this
// client agree (buckets, tokens, columns) and that the searches the hub cares about work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Searcher, bucketOf, tokenize, decodePostings } from '../../themes/default/assets/search.js';

const site = process.env.KIRAMEKI_SITE || fileURLToPath(new URL('../../site', import.meta.url));
const manifestName = existsSync(`${site}/search`) ? readdirSync(`${site}/search`).find((f) => /^manifest\.[0-9a-f]+\.json$/.test(f)) : null;
const skip = manifestName ? false : `no built search index in ${site}/search`;

function make() {
  return new Searcher({
    manifestUrl: `/search/${manifestName}`,
    fetchData: async (path) => new Uint8Array(await readFile(site + path)),
  });
}

test('every token sits in the shard bucketOf gives, and every title token is indexed', { skip }, async () => {
  const s = make();
  const m = await s.manifest();
  assert.equal(m.version, 2);
  // the token shards are binary, t/<bucket>.bin.gz, one per bucket (no JSON shards left over)
  const shardFiles = readdirSync(`${site}${m.base}t`).sort((x, y) => parseInt(x, 10) - parseInt(y, 10));
  assert.deepEqual(shardFiles, Array.from({ length: m.shards }, (_, b) => `${b}.bin.gz`));
  const postings = new Map();
  for (let b = 0; b < m.shards; b++) {
    const shard = await s.shard(b);
    for (const [token, list] of Object.entries(shard)) {
      assert.equal(bucketOf(token, m.shards), b, `token ${token} in shard ${b}`);
      const docs = decodePostings(list);
      let prev = -1;
      for (const [doc, w] of docs) {
        assert.ok(doc > prev && doc < m.docs, `${token}: doc ids ascending and in range`);
        assert.ok(w >= 1 && w <= 255, `${token}: weight in 1…255`);
        prev = doc;
      }
      postings.set(token, docs);
    }
  }
  const ids = Array.from({ length: m.docs }, (_, i) => i);
  const docs = await s.docs(ids);
  let previousDate = '9999';
  for (const id of ids) {
    const doc = docs.get(id);
    assert.ok(doc && doc.u && doc.t && doc.y && doc.l, `doc ${id} has its fields`);
    assert.ok(doc.d <= previousDate, `doc ${id} (${doc.d}) is not newer than the one before`);
    previousDate = doc.d;
    for (const token of tokenize(doc.t, { index: true })) {
      assert.ok(postings.get(token)?.has(id), `title token ${JSON.stringify(token)} of ${doc.u} is indexed for doc ${id}`);
    }
  }
  assert.equal(m.chunks, Math.ceil(m.docs / m.chunkSize));
  const facets = await s.facets();
  for (const name of facets.names) assert.equal(facets.columns[name].column.length, m.docs, `facet ${name} has one entry per doc`);
});

test('カテーテル, ｶﾃｰﾃﾙ and かてーてる: same results, a catheter entry first', { skip }, async (t) => {
  const s = make();
  const runs = await Promise.all(['カテーテル', 'ｶﾃｰﾃﾙ', 'かてーてる'].map((q) => s.search(q)));
  const urls = runs.map((r) => r.results.map((x) => x.doc.u));
  assert.deepEqual(urls[1], urls[0]);
  assert.deepEqual(urls[2], urls[0]);
  assert.ok(runs[0].total > 0);
  assert.match(runs[0].results[0].doc.t, /カテーテル/);
  t.diagnostic(urls[0].slice(0, 5).join(' '));
});

test('ISO 13485 (half- or full-width) finds the QMS pages first', { skip }, async (t) => {
  const s = make();
  const a = await s.search('ISO 13485');
  const b = await s.search('ＩＳＯ１３４８５');
  assert.deepEqual(b.results.map((x) => x.id), a.results.map((x) => x.id));
  assert.match(a.results[0].doc.t, /ISO 13485/);
  t.diagnostic(a.results.slice(0, 3).map((x) => x.doc.u).join(' '));
});

test('周産期 finds the perinatal entries first', { skip }, async (t) => {
  const s = make();
  const r = await s.search('周産期');
  assert.ok(r.total > 0);
  assert.match(r.results[0].doc.t, /周産期/);
  t.diagnostic(r.results.slice(0, 3).map((x) => x.doc.u).join(' '));
});
