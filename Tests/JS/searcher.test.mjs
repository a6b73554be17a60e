// The Searcher against the tiny hand-made index in fixtures/site/search (see make-fixture.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Searcher, bucketOf, decodeShard } from '../../themes/default/assets/search.js';

const root = fileURLToPath(new URL('./fixtures/site', import.meta.url));
const manifestUrl = '/search/' + readdirSync(`${root}/search`).find((f) => /^manifest\.[0-9a-f]+\.json$/.test(f));
const ID = JSON.parse(readFileSync(new URL('./fixtures/fixture-ids.json', import.meta.url), 'utf8'));

function make(opts = {}) {
  const calls = [];
  const searcher = new Searcher({
    manifestUrl,
    fetchData: async (path) => { calls.push(path); return new Uint8Array(await readFile(root + path)); },
    ...opts,
  });
  return { searcher, calls };
}
const urls = (r) => r.results.map((x) => x.doc.u);

test('the fixture manifest follows the spec', async () => {
  const { searcher } = make();
  const m = await searcher.manifest();
  assert.equal(m.version, 2);
  assert.equal(m.docs, 13);
  assert.equal(m.shards, 4);
  assert.equal(m.chunkSize, 4);
  assert.match(m.base, /^\/search\/[0-9a-f]+\/$/);
  // the fixture's files: binary token shards, JSON chunks and facets, nothing else
  const files = readdirSync(root + m.base, { recursive: true }).filter((f) => /\.gz$/.test(f)).sort();
  assert.deepEqual(files, ['d/0.json.gz', 'd/1.json.gz', 'd/2.json.gz', 'd/3.json.gz', 'facets.json.gz',
    't/0.bin.gz', 't/1.bin.gz', 't/2.bin.gz', 't/3.bin.gz']);
});

test('every fixture shard decodes, its tokens in the bucket bucketOf gives, postings ascending', async () => {
  const { searcher } = make();
  const m = await searcher.manifest();
  let tokens = 0;
  for (let b = 0; b < m.shards; b++) {
    const shard = await searcher.shard(b);
    assert.equal(Object.getPrototypeOf(shard), null);
    for (const [token, list] of Object.entries(shard)) {
      assert.equal(bucketOf(token, m.shards), b, token);
      assert.equal(list.length % 2, 0);
      let doc = -1;
      for (let i = 0; i < list.length; i += 2) {
        doc = i === 0 ? list[0] : doc + list[i];
        assert.ok(i === 0 ? doc >= 0 : list[i] > 0, `${token}: ascending`);
        assert.ok(doc < m.docs && list[i + 1] >= 1 && list[i + 1] <= 255, token);
      }
      tokens++;
    }
  }
  assert.ok(tokens > 100);
  assert.deepEqual(decodeShard(new Uint8Array()), Object.create(null));
});

test('a manifest of another version is refused', async () => {
  for (const version of [1, 3, '2', undefined]) {
    const searcher = new Searcher({
      manifestUrl,
      fetchData: async (path) => {
        const m = JSON.parse(await readFile(root + path, 'utf8'));
        return JSON.stringify({ ...m, version });
      },
    });
    await assert.rejects(searcher.manifest(), new RegExp(`unsupported search index version ${version}`));
  }
});

test('カテーテル, ｶﾃｰﾃﾙ and かてーてる find the same documents, the glossary term first', async () => {
  const { searcher } = make();
  const a = await searcher.search('カテーテル');
  const b = await searcher.search('ｶﾃｰﾃﾙ');
  const c = await searcher.search('かてーてる');
  assert.deepEqual(urls(a), ['/glossary/catheter/', '/needs/seed-fine-tube/', '/needs/pediatric-catheter-tip/']);
  assert.deepEqual(urls(b), urls(a));
  assert.deepEqual(urls(c), urls(a));
  assert.equal(a.total, 3);
  for (let i = 1; i < a.results.length; i++) assert.ok(a.results[i - 1].score >= a.results[i].score);
});

test('phrase bonus: +10 when the title equals the query, +3 when it contains it, then re-sorted', async () => {
  const { searcher } = make();
  const r = await searcher.search('カテーテル');
  const bonus = Object.fromEntries(r.results.map((x) => [x.doc.u, x.bonus]));
  assert.deepEqual(bonus, { '/glossary/catheter/': 10, '/needs/seed-fine-tube/': 3, '/needs/pediatric-catheter-tip/': 3 });
  // without a bonus window the plain BM25 order shows
  const { searcher: plain } = make({ bonusWindow: 0 });
  const p = await plain.search('カテーテル');
  assert.ok(p.results.every((x) => x.bonus === 0));
  for (const x of r.results) {
    const base = p.results.find((y) => y.id === x.id).score;
    assert.ok(Math.abs(x.score - base - x.bonus) < 1e-9);
  }
  // a document outside the loaded window gets no bonus
  const { searcher: one } = make({ bonusWindow: 1 });
  const o = await one.search('カテーテル');
  assert.deepEqual(o.results.map((x) => x.bonus).filter(Boolean).length, 1);
});

test('AND: every query token must match', async () => {
  const { searcher } = make();
  assert.deepEqual(urls(await searcher.search('カテーテル 小児')), ['/needs/pediatric-catheter-tip/']);
  assert.equal((await searcher.search('カテーテル 内視鏡')).total, 0);
  assert.equal((await searcher.search('存在しない語')).total, 0);
  assert.deepEqual(urls(await searcher.search('ISO 9001 樹脂')), ['/companies/sample-resin/']);
});

test('full-width, half-width and spaced forms of ISO 13485 match alike', async () => {
  const { searcher } = make();
  const want = ['/seminars/iso13485-intro/', '/guides/qms-iso13485/', '/companies/sample-resin/', '/companies/sample-optics/'];
  for (const q of ['ISO 13485', 'iso13485', 'ＩＳＯ１３４８５', 'ＩＳＯ　１３４８５ ']) {
    const r = await searcher.search(q);
    assert.deepEqual(new Set(urls(r)), new Set(want), q);
  }
});

test('prefix expansion: the last Latin word while typing, and a one-character cjk query', async () => {
  const { searcher } = make();
  assert.equal((await searcher.search('iso 1348')).total, 4, '1348 expands to 13485');
  assert.equal((await searcher.search('iso 1348 ')).total, 0, 'a trailing space ends the word');
  assert.deepEqual(urls(await searcher.search('nürn')), ['/en/news/delegation-nuremberg/']);
  assert.deepEqual(urls(await searcher.search('NÜRNBERG ')), ['/en/news/delegation-nuremberg/']);
  assert.equal((await searcher.search('nürn ')).total, 0);
  assert.deepEqual(urls(await searcher.search('Straß')), ['/de/news/besuch-saitama/']);
  // 'か' reaches every token starting with か in its shard: カテーテル, ケミカル, 滑らか…
  const ka = await searcher.search('カ');
  assert.deepEqual(new Set(urls(ka)), new Set(['/glossary/catheter/', '/needs/seed-fine-tube/', '/needs/pediatric-catheter-tip/', '/companies/sample-resin/']));
  // 術 ends the run 内視鏡下手術 only: found through the index's last-character unigram
  assert.deepEqual(urls(await searcher.search('術')).includes('/seminars/endoscope-optics/'), true);
  // 周 starts the bigram 周産
  assert.deepEqual(urls(await searcher.search('周')), ['/about/perinatal/']);
});

test('sort by date is ascending doc id (newest first)', async () => {
  const { searcher } = make();
  const r = await searcher.search('カテーテル', { sort: 'date' });
  assert.deepEqual(r.results.map((x) => x.id), [ID['/needs/pediatric-catheter-tip/'], ID['/needs/seed-fine-tube/'], ID['/glossary/catheter/']]);
  const dates = r.results.map((x) => x.doc.d);
  assert.deepEqual(dates, [...dates].sort().reverse());
});

test('facet filters restrict the results; counts come from the result set', async () => {
  const { searcher } = make();
  const all = await searcher.search('カテーテル');
  const type = Object.fromEntries(all.facets.type.map((e) => [e.value, e.count]));
  assert.equal(type.need, 2);
  assert.equal(type.glossary, 1);
  assert.equal(type.company, 0);
  const tech = Object.fromEntries(all.facets.tech.map((e) => [e.value, e.count]));
  assert.equal(tech.laser_photonics, 1);
  assert.equal(tech.metal_processing, 1);

  const needs = await searcher.search('カテーテル', { filters: { type: ['need'] } });
  assert.deepEqual(new Set(urls(needs)), new Set(['/needs/seed-fine-tube/', '/needs/pediatric-catheter-tip/']));
  assert.equal(needs.facets.type.find((e) => e.value === 'glossary').count, 1, 'own facet still counts the other values');
  assert.ok(needs.facets.type.find((e) => e.value === 'need').selected);

  const both = await searcher.search('カテーテル', { filters: { type: ['need'], status: ['open'] } });
  assert.deepEqual(urls(both), ['/needs/pediatric-catheter-tip/']);
  const or = await searcher.search('カテーテル', { filters: { tech: ['laser_photonics', 'metal_processing'] } });
  assert.equal(or.total, 2, 'OR within a facet');
  const multiAnd = await searcher.search('カテーテル', { filters: { tech: ['laser_photonics'], clinical: ['cardiology'] } });
  assert.deepEqual(urls(multiAnd), ['/needs/pediatric-catheter-tip/']);
  const none = await searcher.search('カテーテル', { filters: { type: ['company'] } });
  assert.equal(none.total, 0);
  assert.equal(none.results.length, 0);
});

test('an empty query with filters browses every matching document, newest first', async () => {
  const { searcher } = make();
  const r = await searcher.search('', { filters: { cert: ['iso13485'] } });
  assert.deepEqual(urls(r), ['/companies/sample-optics/', '/companies/sample-resin/']);
  assert.equal((await searcher.search('')).total, 0);
  assert.equal((await searcher.search('   ')).total, 0);
});

test('list pages: restriction to one content type, with filters and counts', async () => {
  const { searcher } = make();
  const restrict = await searcher.listRestriction('company', 'ja');
  const r = await searcher.search('', { restrict, facetNames: ['tech', 'cert', 'involvement'] });
  assert.equal(r.total, 3);
  assert.deepEqual(Object.keys(r.facets), ['tech', 'cert', 'involvement']);
  assert.equal(r.facets.cert.find((e) => e.value === 'iso13485').count, 2);
  assert.equal(r.facets.cert.find((e) => e.value === 'iso9001').count, 2);
  const f = await searcher.search('', { restrict, filters: { cert: ['iso9001'], tech: ['plastics_molding'] } });
  assert.deepEqual(urls(f), ['/companies/sample-resin/']);
  // news exists in ja, en and de: one document per entry, the page language's version first,
  // else the original (the URL without a language prefix)
  const newsFor = async (lang) => urls(await searcher.search('', { restrict: await searcher.listRestriction('news', lang) }));
  assert.deepEqual(await newsFor('en'), ['/en/news/delegation-nuremberg/', '/de/news/besuch-saitama/']);
  assert.deepEqual(await newsFor('ja'), ['/news/delegation-nuremberg/', '/de/news/besuch-saitama/']);
  assert.deepEqual(await newsFor('de'), ['/news/delegation-nuremberg/', '/de/news/besuch-saitama/']);
});

test('pagination slices the ordered results', async () => {
  const { searcher } = make();
  const p1 = await searcher.search('', { filters: { type: ['company', 'need', 'seminar'] }, pageSize: 3 });
  const p2 = await searcher.search('', { filters: { type: ['company', 'need', 'seminar'] }, pageSize: 3, page: 2 });
  assert.equal(p1.total, 7);
  assert.equal(p1.pageCount, 3);
  assert.deepEqual(p2.results.map((x) => x.id), p1.ids.slice(3, 6));
  const beyond = await searcher.search('', { filters: { type: ['company'] }, pageSize: 3, page: 99 });
  assert.equal(beyond.page, 1);
});

test('loads only what a query needs, each file once per visit', async () => {
  const { searcher, calls } = make();
  const result = await searcher.search('カテーテル');
  const m = await searcher.manifest();
  const shardsFor = new Set(calls.filter((p) => p.includes('/t/')));
  const want = new Set(['かて', 'てー', 'ーて', 'てる'].map((t) => `${m.base}t/${bucketOf(t, m.shards)}.bin.gz`));
  assert.deepEqual(shardsFor, want, 'the shards of か, て and ー only');
  assert.ok(calls.includes(`${m.base}facets.json.gz`));
  const chunks = calls.filter((p) => p.includes('/d/'));
  const wantChunks = new Set(result.ids.map((d) => `${m.base}d/${Math.floor(d / m.chunkSize)}.json.gz`));
  assert.ok(wantChunks.size < m.chunks);
  assert.deepEqual(new Set(chunks), wantChunks, 'only the chunks of the shown results');
  const before = calls.length;
  await searcher.search('ｶﾃｰﾃﾙ');
  await searcher.search('カテーテル', { sort: 'date' });
  assert.equal(calls.length, before, 'everything came from the cache');
  assert.equal(calls.filter((p) => p === manifestUrl).length, 1);
  assert.equal(new Set(calls).size, calls.length, 'no file fetched twice');
});

test('no facets file when a query has no results; a failed fetch can be retried', async () => {
  let fail = true;
  const calls = [];
  const searcher = new Searcher({
    manifestUrl,
    fetchData: async (path) => {
      calls.push(path);
      if (fail && path.includes('/t/')) { fail = false; throw new Error('offline'); }
      return new Uint8Array(await readFile(root + path));
    },
  });
  await assert.rejects(searcher.search('zzzz'));
  const r = await searcher.search('zzzz');
  assert.equal(r.total, 0);
  assert.ok(!calls.some((p) => p.endsWith('facets.json.gz')));
});

test('plain (already inflated) data, ArrayBuffers and JSON strings are accepted too', async () => {
  const { gunzipSync } = await import('node:zlib');
  const searcher = new Searcher({
    manifestUrl,
    fetchData: async (path) => {
      const raw = await readFile(root + path);
      if (!path.endsWith('.gz')) return raw;
      const plain = gunzipSync(raw);
      // shards as an ArrayBuffer, the JSON files as text
      if (path.endsWith('.bin.gz')) return plain.buffer.slice(plain.byteOffset, plain.byteOffset + plain.length);
      return plain.toString('utf8');
    },
  });
  assert.equal((await searcher.search('カテーテル')).total, 3);
});

test('a shard handed over as a string or with broken bytes is an error, and can be retried', async () => {
  const text = new Searcher({
    manifestUrl,
    fetchData: async (path) => {
      const raw = await readFile(root + path);
      return path.includes('/t/') ? raw.toString('latin1') : raw;
    },
  });
  await assert.rejects(text.search('カテーテル'), /token shard is binary/);
  let broken = true;
  const calls = [];
  const truncated = new Searcher({
    manifestUrl,
    fetchData: async (path) => {
      calls.push(path);
      const raw = await readFile(root + path);
      if (!path.includes('/t/') || !broken) return raw;
      const { gunzipSync } = await import('node:zlib');
      const plain = gunzipSync(raw);
      return plain.subarray(0, plain.length - 1);
    },
  });
  await assert.rejects(truncated.search('カテーテル'), /malformed search shard/);
  broken = false;
  assert.equal((await truncated.search('カテーテル')).total, 3);
});

test('a query token named like an Object property finds nothing', async () => {
  const { searcher } = make();
  for (const q of ['constructor ', 'constructor', 'tostring ', 'valueof ', 'hasownproperty ', 'カテーテル constructor ']) {
    const r = await searcher.search(q);
    assert.equal(r.total, 0, q);
  }
});

test('results carry highlighted titles and snippets, HTML-escaped', async () => {
  const { searcher } = make();
  const r = await searcher.search('iso13485');
  const optics = r.results.find((x) => x.doc.u === '/companies/sample-optics/');
  assert.match(optics.snippetHtml, /<mark>ＩＳＯ１３４８５<\/mark>/, 'full-width original marked for a half-width query');
  assert.match(optics.snippetHtml, /&lt;b&gt;&amp;大宮工場&lt;\/b&gt;/);
  assert.doesNotMatch(optics.snippetHtml, /<b>/);
  const seminar = r.results.find((x) => x.doc.u === '/seminars/iso13485-intro/');
  assert.equal(seminar.titleHtml, '<mark>ISO</mark> <mark>13485</mark> 入門セミナー');
  const k = await searcher.search('ｶﾃｰﾃﾙ');
  assert.equal(k.results[0].titleHtml, '<mark>カテーテル</mark>');
  assert.match(k.results[2].snippetHtml, /小児に使う<mark>カテーテル<\/mark>の先端/);
});
