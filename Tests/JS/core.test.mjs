// Pure pieces: FNV buckets, postings, idf/score, prefix expansion, facet columns, query parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fnv1a32, bucketOf, decodePostings, decodeShard, expandPrefix, idf, score, phraseBonus, parseQuery,
  decodeBase64, decodeFacets, hasValue, valuesOf, facetCounts, filterDocs, resolveSelection,
} from '../../themes/default/assets/search.js';

// Reference FNV-1a written independently: BigInt arithmetic over Buffer's UTF-8 bytes.
function referenceFnv(s) {
  let h = 2166136261n;
  for (const byte of Buffer.from(s, 'utf8')) {
    h ^= BigInt(byte);
    h = (h * 16777619n) % 4294967296n;
  }
  return Number(h);
}

test('fnv1a32 matches the published FNV-1a test vectors', () => {
  assert.equal(fnv1a32(''), 0x811c9dc5);
  assert.equal(fnv1a32('a'), 0xe40c292c);
  assert.equal(fnv1a32('foobar'), 0xbf9cf968);
});

test('fnv1a32 matches a BigInt reference on Latin, kana, kanji and astral text', () => {
  for (const s of ['i', 'iso', '1', 'か', 'カ', '内', '内視', 'ü', 'ß', '々', 'ー', '𠮷', 'Straße', '周産期']) {
    const h = fnv1a32(s);
    assert.equal(h, referenceFnv(s), s);
    assert.ok(h >= 0 && h <= 0xffffffff && Number.isInteger(h));
  }
});

test('bucketOf hashes whole Japanese tokens and the first two characters of words', () => {
  for (const shards of [1, 4, 64, 4096]) {
    assert.equal(bucketOf('内視', shards), referenceFnv('内視') % shards);
    assert.equal(bucketOf('内', shards), referenceFnv('内') % shards);
    assert.equal(bucketOf('iso', shards), referenceFnv('is') % shards);
    assert.equal(bucketOf('isolation', shards), bucketOf('iso', shards), 'a word prefix finds its shard');
    assert.equal(bucketOf('13485', shards), referenceFnv('13') % shards);
    assert.equal(bucketOf('i', shards), referenceFnv('i') % shards);
    assert.equal(bucketOf('𠮷野', shards), referenceFnv('𠮷野') % shards);
  }
  // a few fixed values, so a change to the hash cannot go unnoticed
  assert.equal(bucketOf('かて', 64), referenceFnv('かて') % 64);
  assert.deepEqual(['i', 'か', '内', 'ü'].map((c) => fnv1a32(c)), ['i', 'か', '内', 'ü'].map(referenceFnv));
});

test('decodePostings turns doc deltas into absolute ids', () => {
  assert.deepEqual([...decodePostings([0, 212, 5, 90, 17, 33])], [[0, 212], [5, 90], [22, 33]]);
  assert.deepEqual([...decodePostings([3, 40])], [[3, 40]]);
  assert.deepEqual([...decodePostings([])], []);
  assert.deepEqual([...decodePostings([7, 1, 1, 255])], [[7, 1], [8, 255]]);
});

test('idf is the BM25 formula of the spec', () => {
  assert.ok(Math.abs(idf(100, 1) - Math.log(1 + 99.5 / 1.5)) < 1e-12);
  assert.ok(idf(100, 1) > idf(100, 50));
  assert.ok(idf(100, 100) > 0, 'never negative');
});

test('score ANDs the token lists and sums idf × weight / 255', () => {
  const a = new Map([[1, 255], [2, 100], [5, 10]]);
  const b = new Map([[2, 200], [5, 255]]);
  const s = score([a, b], 10);
  assert.deepEqual([...s.keys()].sort(), [2, 5]);
  const expect2 = idf(10, 3) * 100 / 255 + idf(10, 2) * 200 / 255;
  assert.ok(Math.abs(s.get(2) - expect2) < 1e-12);
  assert.equal(score([a, new Map()], 10).size, 0);
  assert.equal(score([], 10).size, 0);
});

test('expandPrefix takes the largest weight per document and counts distinct documents', () => {
  const shard = { 'かて': [0, 10, 2, 50], 'かな': [2, 90, 1, 5], 'か': [4, 7], 'きた': [0, 200] };
  const m = expandPrefix(shard, 'か');
  assert.deepEqual([...m].sort((x, y) => x[0] - y[0]), [[0, 10], [2, 90], [3, 5], [4, 7]]);
  assert.equal(m.size, 4, 'df = distinct documents over the expansion');
  assert.deepEqual([...expandPrefix({ iso: [1, 9], isolation: [1, 30, 1, 4], is: [0, 1] }, 'iso')], [[1, 30], [2, 4]]);
});

// A hand-built v2 shard: per token varint UTF-8 length, the text, varint posting count, then per
// posting varint doc delta and one weight byte. Records end at RECORD_ENDS.
const SHARD = [
  // 'a': 3 postings, docs 0, 200, 20200
  0x01, 0x61, 0x03,
  0x00, 0x01, //           delta 0, weight 1
  0xc8, 0x01, 0xff, //     delta 200 (two varint bytes), weight 255
  0xa0, 0x9c, 0x01, 0x07, // delta 20000 = 0x20 + 28·128 + 1·16384 (three bytes), weight 7
  // '内視' (6 UTF-8 bytes): 1 posting, doc 129, weight 128 (a weight byte with the high bit set)
  0x06, 0xe5, 0x86, 0x85, 0xe8, 0xa6, 0x96, 0x01,
  0x81, 0x01, 0x80,
  // '𠮷' (astral, 4 UTF-8 bytes): 2 postings, docs 16384 and 4294967295 (2^32 - 1, five bytes)
  0x04, 0xf0, 0xa0, 0xae, 0xb7, 0x02,
  0x80, 0x80, 0x01, 0x02,
  0xff, 0xff, 0xfe, 0xff, 0x0f, 0x09, // delta 4294950911 = 2^32 - 1 - 16384 (five bytes), weight 9
];
const RECORD_ENDS = [12, 23, 39];

test('decodeShard reads multi-byte varints, UTF-8 tokens and weights 1…255', () => {
  const shard = decodeShard(new Uint8Array(SHARD));
  assert.equal(Object.getPrototypeOf(shard), null);
  assert.deepEqual(Object.keys(shard).sort(), ['a', '内視', '𠮷']);
  assert.deepEqual(shard.a, [0, 1, 200, 255, 20000, 7]);
  assert.deepEqual(shard['内視'], [129, 128]);
  assert.deepEqual(shard['𠮷'], [16384, 2, 4294950911, 9]);
  assert.deepEqual([...decodePostings(shard.a)], [[0, 1], [200, 255], [20200, 7]]);
  assert.deepEqual([...decodePostings(shard['𠮷'])], [[16384, 2], [4294967295, 9]], 'no sign overflow');
  assert.deepEqual([...expandPrefix(shard, '内')], [[129, 128]]);
  // the decoder does not depend on the order of the records
  const swapped = [...SHARD.slice(RECORD_ENDS[1], RECORD_ENDS[2]), ...SHARD.slice(0, RECORD_ENDS[1])];
  assert.deepEqual({ ...decodeShard(new Uint8Array(swapped)) }, { ...shard });
  // a Buffer (a Uint8Array) and an ArrayBuffer decode alike
  assert.deepEqual({ ...decodeShard(Buffer.from(SHARD)) }, { ...shard });
  assert.deepEqual({ ...decodeShard(new Uint8Array(SHARD).buffer) }, { ...shard });
});

test('decodeShard: a token text of 128 bytes or more has a two-byte length', () => {
  const text = 'x'.repeat(130);
  const shard = decodeShard(new Uint8Array([0x82, 0x01, ...Buffer.from(text), 0x01, 0x05, 0x2a]));
  assert.deepEqual(Object.keys(shard), [text]);
  assert.deepEqual(shard[text], [5, 42]);
});

test('decodeShard: an empty shard has no tokens; Object properties are not tokens', () => {
  const empty = decodeShard(new Uint8Array(0));
  assert.deepEqual(Object.keys(empty), []);
  assert.equal(Object.getPrototypeOf(empty), null);
  const shard = decodeShard(new Uint8Array(SHARD));
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    assert.equal(empty[name], undefined, name);
    assert.equal(shard[name], undefined, name);
  }
  assert.equal(expandPrefix(shard, 'constructor').size, 0);
  // and tokens with such names are ordinary own keys
  const named = [];
  for (const t of ['__proto__', 'constructor']) named.push(t.length, ...Buffer.from(t), 1, 3, 200);
  const odd = decodeShard(new Uint8Array(named));
  assert.deepEqual(Object.keys(odd), ['__proto__', 'constructor']);
  assert.deepEqual(odd.__proto__, [3, 200]);
  assert.deepEqual(odd.constructor, [3, 200]);
});

test('decodeShard throws on a shard cut anywhere but between records', () => {
  for (let cut = 1; cut < SHARD.length; cut++) {
    const bytes = new Uint8Array(SHARD.slice(0, cut));
    if (RECORD_ENDS.includes(cut)) {
      assert.equal(Object.keys(decodeShard(bytes)).length, RECORD_ENDS.indexOf(cut) + 1, `cut at ${cut}`);
    } else {
      assert.throws(() => decodeShard(bytes), /^Error: malformed search shard: .* at byte \d+ of \d+$/, `cut at ${cut}`);
    }
  }
  assert.equal(Object.keys(decodeShard(new Uint8Array(SHARD))).length, 3);
});

test('decodeShard throws on malformed records', () => {
  const bad = (bytes, pattern) => assert.throws(() => decodeShard(new Uint8Array(bytes)), pattern, JSON.stringify(bytes));
  bad([0x01, 0x61, 0x01, 0x00, 0x00], /weight 0 \(token "a"\)/);
  bad([0x01, 0x61, 0x02, 0x00, 0x05, 0x01, 0x00], /weight 0/);
  bad([0x05, 0x61], /token text of 5 bytes runs past the end/);
  bad([0x80], /token length runs past the end/);
  bad([0x01, 0x61, 0x01, 0x80, 0x80], /doc delta runs past the end/);
  bad([0x01, 0x61, 0x01, 0x81, 0x01], /weight runs past the end/);
  bad([0x01, 0x61, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x01], /postings run past the end/);
  bad([0x01, 0x61], /posting count runs past the end/);
  bad([0x01, 0x61, 0x01, 0x80, 0x80, 0x80, 0x80, 0x10, 0x01], /doc delta is longer than 32 bits/);
  bad([0x01, 0x61, 0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x01], /longer than 32 bits/);
  bad([0x02, 0xe5, 0x86, 0x00], /not UTF-8/);
  bad([0x01, 0x61, 0x00, 0x01, 0x61, 0x00], /token given twice/);
  // a posting count of zero and an empty token are well-formed
  assert.deepEqual({ ...decodeShard(new Uint8Array([0x01, 0x61, 0x00, 0x00, 0x01, 0x00, 0x04])) }, { a: [], '': [0, 4] });
});

test('phraseBonus: +10 for an equal title, +3 for a containing one, spaces ignored', () => {
  assert.equal(phraseBonus('カテーテル', parseQuery('ｶﾃｰﾃﾙ').compact), 10);
  assert.equal(phraseBonus('ISO 13485 入門', parseQuery('iso13485').compact), 3);
  assert.equal(phraseBonus('ISO 13485', parseQuery('ＩＳＯ　１３４８５').compact), 10);
  assert.equal(phraseBonus('QMS省令', parseQuery('iso').compact), 0);
});

test('parseQuery marks prefixes: the last word of two characters or more unless the query ends in a space', () => {
  const flags = (q) => parseQuery(q).tokens.map((t) => `${t.token}${t.prefix ? '*' : ''}`);
  assert.deepEqual(flags('内'), ['内'], 'one Japanese character is an exact lookup');
  assert.deepEqual(flags('iso 1'), ['iso', '1'], 'a one-character word is exact');
  assert.deepEqual(flags('小児'), ['小児']);
  assert.deepEqual(flags('iso 1348'), ['iso', '1348*']);
  assert.deepEqual(flags('iso 1348 '), ['iso', '1348']);
  assert.deepEqual(flags('iso13485'), ['iso', '13485*']);
  assert.deepEqual(flags('ISO　'), ['iso'], 'an ideographic space counts as a space');
  assert.deepEqual(flags('iso 認証'), ['iso', '認証']);
  assert.deepEqual(flags('肺 がん'), ['肺', 'がん']);
  assert.deepEqual(flags('カテーテル カテーテル'), ['かて', 'てー', 'ーて', 'てる'], 'duplicates dropped');
  assert.deepEqual(flags(''), []);
  assert.deepEqual(flags('、。'), []);
});

// A facets file built by hand: 5 documents.
function facetsFixture() {
  const u32 = (arr) => {
    const b = Buffer.alloc(arr.length * 4);
    arr.forEach((v, i) => b.writeUInt32LE(v >>> 0, i * 4));
    return b.toString('base64');
  };
  return decodeFacets({
    type: { values: ['seminar', 'need', 'company'], docs: Buffer.from([1, 2, 1, 0, 2]).toString('base64') },
    status: { values: ['', 'open', 'closed'], docs: Buffer.from([1, 0, 2, 0, 0]).toString('base64') },
    tech: { values: ['optics', 'laser', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10', 'x11', 'x12', 'x13', 'x14', 'x15', 'x16', 'x17', 'x18', 'x19', 'x20', 'x21', 'x22', 'x23', 'x24', 'x25', 'x26', 'x27', 'x28', 'x29', 'x30', 'top'],
      multi: true, docs: u32([0b11, 0b01, 0, 0b10, 0x80000001]) },
    labels: { ja: { type: { need: 'ニーズ' } } },
  });
}

test('decodeBase64 and decodeFacets read Uint8 and little-endian Uint32 columns', () => {
  assert.deepEqual([...decodeBase64('AQID')], [1, 2, 3]);
  const f = facetsFixture();
  assert.deepEqual(f.names, ['type', 'status', 'tech']);
  assert.ok(f.columns.type.column instanceof Uint8Array);
  assert.ok(f.columns.tech.column instanceof Uint32Array);
  assert.equal(f.columns.tech.column[4], 0x80000001, 'bit 31 survives as unsigned');
  assert.ok(hasValue(f.columns.tech, 4, 31));
  assert.ok(!hasValue(f.columns.tech, 2, 0));
  assert.deepEqual(valuesOf(f.columns.tech, 0), ['optics', 'laser']);
  assert.deepEqual(valuesOf(f.columns.tech, 4), ['optics', 'top']);
  assert.deepEqual(valuesOf(f.columns.status, 1), [], 'index 0 with "" is no value');
  assert.equal(f.labels.ja.type.need, 'ニーズ');
});

test('filters: AND across facets, OR within one; unknown facets and values are ignored', () => {
  const f = facetsFixture();
  const ids = [0, 1, 2, 3, 4];
  assert.deepEqual(filterDocs(f, ids, { type: ['need'] }), [0, 2]);
  assert.deepEqual(filterDocs(f, ids, { type: ['need', 'company'] }), [0, 1, 2, 4]);
  assert.deepEqual(filterDocs(f, ids, { type: ['need', 'company'], tech: ['laser'] }), [0]);
  assert.deepEqual(filterDocs(f, ids, { tech: ['laser', 'top'] }), [0, 3, 4]);
  assert.deepEqual(filterDocs(f, ids, { nope: ['x'], type: ['zzz'] }), ids);
  assert.deepEqual(filterDocs(f, [4, 2, 0], { type: ['need', 'company'] }), [4, 2, 0], 'order kept');
  assert.equal(resolveSelection(f, { status: [''] }).length, 0, 'the empty value is never a filter');
});

test('facetCounts counts over the result set; a facet’s own selection does not narrow its counts', () => {
  const f = facetsFixture();
  const c = facetCounts(f, [0, 1, 2, 3, 4], {});
  assert.deepEqual(c.type.map((e) => [e.value, e.count]), [['seminar', 1], ['need', 2], ['company', 2]]);
  assert.deepEqual(c.status.map((e) => [e.value, e.count]), [['open', 1], ['closed', 1]]);
  assert.equal(c.tech.find((e) => e.value === 'optics').count, 3);
  assert.equal(c.tech.find((e) => e.value === 'top').count, 1);
  const sel = facetCounts(f, [0, 1, 2, 3, 4], { type: ['need'] });
  assert.deepEqual(sel.type.map((e) => [e.value, e.count, e.selected]), [['seminar', 1, false], ['need', 2, true], ['company', 2, false]]);
  assert.equal(sel.tech.find((e) => e.value === 'optics').count, 1, 'other facets count within the selection');
  assert.equal(sel.tech.find((e) => e.value === 'laser').count, 1);
  const sub = facetCounts(f, [1, 3], {}, ['type']);
  assert.deepEqual(Object.keys(sub), ['type']);
  assert.deepEqual(sub.type.map((e) => e.count), [1, 0, 1]);
});
