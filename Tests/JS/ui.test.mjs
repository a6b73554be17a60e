// The page helpers that need no DOM: URL state, dates as the site writes them, cards, strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stateFromParams, paramsFromState, formatDate, renderCard, stringsFor, labelOf, STRINGS } from '../../themes/default/assets/search.js';

test('URL state: q, repeated facet values, sort and page round-trip', () => {
  const s = stateFromParams('?q=%E3%82%AB%E3%83%86&type=need&tech=optics&tech=laser_photonics&sort=date&page=2');
  assert.deepEqual(s, { q: 'カテ', sort: 'date', page: 2, filters: { type: ['need'], tech: ['optics', 'laser_photonics'] } });
  assert.equal(paramsFromState(s), '?q=%E3%82%AB%E3%83%86&type=need&tech=optics&tech=laser_photonics&sort=date&page=2');
  assert.deepEqual(stateFromParams(paramsFromState(s)), s);
  assert.equal(paramsFromState({ q: '', filters: {}, sort: 'relevance', page: 1 }), '');
  assert.deepEqual(stateFromParams('?sort=bogus&page=-3&type=').filters, {});
  assert.equal(stateFromParams('?sort=bogus&page=-3').sort, 'relevance');
  assert.equal(stateFromParams('?page=-3').page, 1);
  assert.deepEqual(stateFromParams('?type=need&type=need').filters, { type: ['need'] });
  assert.equal(paramsFromState({ q: 'a b', filters: { tech: ['x'], type: ['y'] } }, ['type', 'tech']), '?q=a+b&type=y&tech=x', 'facet order');
});

test('dates are written the way the site writes them', () => {
  assert.equal(formatDate('2026-11-12', 'ja'), '2026年11月12日(木)');
  assert.equal(formatDate('2026-10-05', 'ja'), '2026年10月5日(月)');
  assert.equal(formatDate('2026-11-12', 'en'), '12 November 2026');
  assert.equal(formatDate('2026-10-05', 'de'), '5. Oktober 2026');
  assert.equal(formatDate('2026-03-01', 'de'), '1. März 2026');
  assert.equal(formatDate('', 'ja'), '');
});

test('strings exist in ja, en and de with the same keys', () => {
  const keys = Object.keys(STRINGS.ja).sort();
  for (const l of ['en', 'de']) assert.deepEqual(Object.keys(STRINGS[l]).sort(), keys, l);
  assert.equal(stringsFor('en-GB'), STRINGS.en);
  assert.equal(stringsFor('fr'), STRINGS.ja);
  assert.equal(STRINGS.en.results(1, 'x'), '1 result for “x”');
  assert.equal(STRINGS.ja.results(3, 'カテーテル'), '「カテーテル」の検索結果：3件');
});

test('labels fall back to Japanese, then the value', () => {
  const labels = { ja: { type: { need: 'ニーズ・シーズ', news: 'ニュース' } }, en: { type: { need: 'Need or seed' } } };
  assert.equal(labelOf(labels, 'en', 'type', 'need'), 'Need or seed');
  assert.equal(labelOf(labels, 'en', 'type', 'news'), 'ニュース');
  assert.equal(labelOf(labels, 'de', 'tech', 'optics'), 'optics');
});

test('a result card uses the theme’s card markup, escaped, with the type and status badges', () => {
  const html = renderCard({
    doc: { u: '/needs/x/?a=1&b="2"', t: 'T', y: 'need', l: 'ja', d: '2026-11-12' },
    titleHtml: '<mark>T</mark>', snippetHtml: 'a &lt; b', values: { status: ['open'], kind: ['tech_seed'] },
  }, { lang: 'en', labels: { en: { type: { need: 'Need or seed' }, status: { open: 'Open' }, kind: { tech_seed: 'Technology seed' } } } });
  assert.match(html, /^<li class="card" lang="ja">/);
  assert.match(html, /<h3 class="card-title"><a href="\/needs\/x\/\?a=1&amp;b=&quot;2&quot;"><mark>T<\/mark><\/a><\/h3>/);
  assert.match(html, /<li class="badge badge-neutral badge-type-need">Need or seed<\/li>/);
  assert.match(html, /<li class="badge badge-neutral">Technology seed<\/li>/);
  assert.match(html, /<li class="badge badge-open">Open<\/li>/);
  assert.match(html, /<p class="card-summary search-snippet">a &lt; b<\/p>/);
  assert.match(html, /<time datetime="2026-11-12">12 November 2026<\/time>/);
  const same = renderCard({ doc: { u: '/x/', t: 'x', l: 'en' }, titleHtml: 'x', snippetHtml: '' }, { lang: 'en', labels: {} });
  assert.doesNotMatch(same, /lang=/);
});
