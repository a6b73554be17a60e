// Snippets and <mark> highlighting, mapped from normalised matches back to the original text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlight, buildSnippet, normalizeWithMap, originalRanges, parseQuery, escapeHtml } from '../../themes/default/assets/search.js';

test('normalizeWithMap maps every normalised unit back to its source characters', () => {
  const { norm, starts, ends } = normalizeWithMap('ｶﾞｲﾄﾞＩＳＯ');
  assert.equal(norm, 'がいどiso');
  assert.deepEqual(starts, [0, 2, 3, 5, 6, 7]);
  assert.deepEqual(ends, [2, 3, 5, 6, 7, 8]);
  const r = normalizeWithMap('Ⅳ型');
  assert.equal(r.norm, 'iv型');
  assert.deepEqual(r.starts, [0, 0, 1]);
});

test('a half-width query marks full-width text, and the other way round', () => {
  assert.equal(highlight('品質はＩＳＯ１３４８５に準拠', 'iso13485'), '品質は<mark>ＩＳＯ１３４８５</mark>に準拠');
  assert.equal(highlight('ISO 13485 の認証', 'ＩＳＯ１３４８５'), '<mark>ISO</mark> <mark>13485</mark> の認証');
  assert.equal(highlight('ｶﾃｰﾃﾙの先端', 'カテーテル'), '<mark>ｶﾃｰﾃﾙ</mark>の先端');
  assert.equal(highlight('カテーテルの先端', 'かてーてる'), '<mark>カテーテル</mark>の先端');
  assert.equal(highlight('ｶﾞｲﾄﾞﾜｲﾔｰを使う', 'ガイドワイヤー'), '<mark>ｶﾞｲﾄﾞﾜｲﾔｰ</mark>を使う', 'voiced marks stay with their kana');
  assert.equal(highlight('クラスⅣの機器', 'クラスIV'), '<mark>クラスⅣ</mark>の機器');
});

test('voiced kana are distinct: が does not mark か', () => {
  assert.equal(highlight('ガラスとカラス', 'カラス'), 'ガラスと<mark>カラス</mark>');
  assert.equal(highlight('ガラスとカラス', 'ｶﾞﾗｽ'), '<mark>ガラス</mark>とカラス');
});

test('German: case and umlauts, whole words unless it is the prefix being typed', () => {
  assert.equal(highlight('Ärzte in Nürnberg', 'ärzte '), '<mark>Ärzte</mark> in Nürnberg');
  assert.equal(highlight('Ärzte in Nürnberg', 'NÜRN'), 'Ärzte in <mark>Nürn</mark>berg');
  assert.equal(highlight('Die Straße', 'straße'), 'Die <mark>Straße</mark>');
  assert.equal(highlight('isolation and ISO', 'iso '), 'isolation and <mark>ISO</mark>', 'an exact word does not mark inside a longer word');
  assert.equal(highlight('prison', 'iso'), 'prison', 'a match must start at a token boundary');
  assert.equal(highlight('ISO13485 and 13485', '13485 '), 'ISO<mark>13485</mark> and <mark>13485</mark>', 'letters meeting digits is a boundary');
});

test('cjk: the whole run is marked; bigrams only when the run does not occur', () => {
  assert.equal(highlight('内視鏡下手術と内視鏡', '内視鏡下手術'), '<mark>内視鏡下手術</mark>と内視鏡');
  assert.equal(highlight('視鏡と内視', '内視鏡'), '<mark>視鏡</mark>と<mark>内視</mark>', 'fallback to the bigrams');
  assert.equal(highlight('周産期・小児医療', '小児 周産期'), '<mark>周産期</mark>・<mark>小児</mark>医療');
  assert.equal(highlight('肺がん検診', '肺'), '<mark>肺</mark>がん検診');
});

test('everything outside the marks is escaped, and marks never split a character', () => {
  assert.equal(highlight('<b>ISO</b> & "x"', 'iso'), '&lt;b&gt;<mark>ISO</mark>&lt;/b&gt; &amp; &quot;x&quot;');
  assert.equal(highlight('𠮷野家の𠮷', '𠮷'), '<mark>𠮷</mark>野家の<mark>𠮷</mark>');
  assert.equal(escapeHtml(`<'&">`), '&lt;&#39;&amp;&quot;&gt;');
  assert.equal(highlight('', 'x'), '');
  assert.equal(highlight('no match here', ''), 'no match here');
});

test('originalRanges merges adjacent matches', () => {
  assert.deepEqual(originalRanges('ＩＳＯ１３４８５', parseQuery('iso 13485').terms), [[0, 8]]);
});

test('snippet: the summary when it matches, else a window around the body match', () => {
  const summary = '金属コイルと樹脂の極細チューブです。';
  const body = 'あ'.repeat(300) + 'カテーテルへの応用を検討します。' + 'い'.repeat(300);
  const s = buildSnippet(summary, body, 'ｶﾃｰﾃﾙ');
  assert.match(s, /^…あ+<mark>カテーテル<\/mark>への応用/);
  assert.ok(s.endsWith('…'));
  assert.ok(s.replace(/<\/?mark>/g, '').length <= 142);
  assert.equal(buildSnippet(summary, body, 'チューブ'), '金属コイルと樹脂の極細<mark>チューブ</mark>です。');
  assert.equal(buildSnippet(summary, body, 'なし'), summary, 'no match: the summary');
  assert.equal(buildSnippet('', 'short body', 'x'), 'short body');
});
