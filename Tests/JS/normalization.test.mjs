// The shared normalisation/tokenisation vectors (the Swift tests read the same file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalize, tokenize } from '../../themes/default/assets/search.js';

const shared = fileURLToPath(new URL('../Fixtures/search/normalization.json', import.meta.url));
const own = fileURLToPath(new URL('./fixtures/vectors.json', import.meta.url));
const source = existsSync(shared) ? shared : own;
const vectors = JSON.parse(readFileSync(source, 'utf8'));

test(`vectors come from ${existsSync(shared) ? 'the shared Tests/Fixtures/search/normalization.json' : 'Tests/JS/fixtures/vectors.json (shared file not present)'}`, () => {
  assert.ok(vectors.normalize.length + vectors.tokenize.length > 0);
});

for (const [i, v] of vectors.normalize.entries()) {
  test(`normalize #${i} ${JSON.stringify(v.input)}`, () => {
    assert.equal(normalize(v.input), v.output);
  });
}

for (const [i, v] of vectors.tokenize.entries()) {
  test(`tokenize #${i} ${JSON.stringify(v.input)}`, () => {
    if (v.query) assert.deepEqual(tokenize(v.input), v.query, 'query tokens');
    if (v.index) assert.deepEqual(tokenize(v.input, { index: true }), v.index, 'index tokens');
  });
}

// Our own copy is kept even after the shared file lands; both must hold.
if (source !== own) {
  const mine = JSON.parse(readFileSync(own, 'utf8'));
  test('own vectors (Tests/JS/fixtures/vectors.json) still hold', () => {
    for (const v of mine.normalize) assert.equal(normalize(v.input), v.output, v.input);
    for (const v of mine.tokenize) {
      assert.deepEqual(tokenize(v.input), v.query, v.input);
      assert.deepEqual(tokenize(v.input, { index: true }), v.index, v.input);
    }
  });
}
