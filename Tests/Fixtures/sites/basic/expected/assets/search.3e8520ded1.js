// Kirameki search client: reads the prebuilt, sharded index under /search/ (docs/search-index.md)
// and drives the search page, the header search box's target and the filters on the company
// directory and the needs board. One ES module, no dependencies, no build step: asset files get
// content-hashed names at build time, so this file imports nothing.
//
// The pure functions below are exported for the node tests (Tests/JS/); the DOM part at the end
// runs only in a browser.

// ---------------------------------------------------------------------------------------------
// Normalisation and tokens (spec: "Normalisation", "Tokens")

/** NFKC, lowercase, katakana folded to hiragana (ー and voiced marks kept). */
export function normalize(text) {
  const lowered = String(text).normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of lowered) {
    const cp = ch.codePointAt(0);
    if (cp >= 0x30a1 && cp <= 0x30f6) out += String.fromCharCode(cp - 0x60);
    else if (cp === 0x30fd || cp === 0x30fe) out += String.fromCharCode(cp - 0x60);
    else out += ch;
  }
  return out;
}

// Explicit ranges, identical to the Swift index writer (docs/search-index.md).
const RE_CJK = /^[\u3005-\u3007\u309D\u309E\u30FC\u3041-\u3096\u30A1-\u30FA\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{323AF}]$/u;
const RE_LETTER = /^\p{L}$/u;
const RE_DIGIT = /^\p{N}$/u;
const classCache = new Map();

/** 'c' cjk, 'l' letter, 'd' digit, 's' separator, for one code point of normalised text. */
export function charClass(ch) {
  let c = classCache.get(ch);
  if (c === undefined) {
    c = RE_CJK.test(ch) ? 'c' : RE_LETTER.test(ch) ? 'l' : RE_DIGIT.test(ch) ? 'd' : 's';
    if (classCache.size < 20000) classCache.set(ch, c);
  }
  return c;
}

/**
 * The runs of normalised text: word runs already split where letters meet digits, and cjk runs.
 * Each run: {kind: 'word'|'cjk', text, start, end} (UTF-16 offsets into the normalised text).
 */
export function runsOf(norm) {
  const runs = [];
  let cur = null;
  let i = 0;
  for (const ch of norm) {
    const c = charClass(ch);
    const len = ch.length;
    if (c === 's') {
      cur = null;
    } else {
      const kind = c === 'c' ? 'cjk' : 'word';
      const sameRun = cur && (kind === 'cjk' ? cur.cls === 'c' : cur.cls === c);
      if (sameRun) {
        cur.text += ch;
        cur.end = i + len;
      } else {
        cur = { kind, cls: c, text: ch, start: i, end: i + len };
        runs.push(cur);
      }
    }
    i += len;
  }
  return runs.map(({ kind, text, start, end }) => ({ kind, text, start, end }));
}

function cjkTokens(text, index) {
  const chars = Array.from(text);
  if (chars.length === 1) return [chars[0]];
  const out = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  // The index also holds every character alone, so a one-character query is an exact lookup.
  if (index) out.push(...chars);
  return out;
}

/** Tokens of a text, in order (duplicates kept). `index: true` adds every character of a long cjk run. */
export function tokenize(text, { index = false } = {}) {
  const out = [];
  for (const run of runsOf(normalize(text))) {
    if (run.kind === 'word') out.push(run.text);
    else out.push(...cjkTokens(run.text, index));
  }
  return out;
}

/**
 * A query's tokens with their prefix flags, deduplicated:
 * the last word is a prefix while it is typed (two characters or more, no trailing space); a
 * one-character Japanese query is an exact lookup of that character. Also returns the highlight terms (whole cjk runs with their bigrams, words).
 */
export function parseQuery(query) {
  const norm = normalize(query);
  const runs = runsOf(norm);
  const endsInSpace = /\s$/u.test(norm);
  const seen = new Set();
  const tokens = [];
  const terms = [];
  const add = (token, kind, prefix) => {
    const key = (prefix ? '*' : '=') + token;
    if (seen.has(key)) return;
    seen.add(key);
    tokens.push({ token, kind, prefix });
  };
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    if (run.kind === 'word') {
      // A word is a prefix while it is typed, from two characters on (its shard holds every
      // word with the same first two characters).
      const prefix = last && !endsInSpace && Array.from(run.text).length >= 2;
      add(run.text, 'word', prefix);
      terms.push({ text: run.text, kind: 'word', prefix });
    } else {
      const toks = cjkTokens(run.text, false);
      const single = Array.from(run.text).length === 1;
      for (const t of toks) add(t, 'cjk', false);
      terms.push({ text: run.text, kind: 'cjk', prefix: false, parts: single ? [] : toks });
    }
  });
  return { norm, tokens, terms, compact: norm.replace(/\s+/gu, '') };
}

// ---------------------------------------------------------------------------------------------
// Buckets, postings, scores

const encoder = new TextEncoder();

/** FNV-1a 32-bit over the UTF-8 bytes of a string, as an unsigned integer. */
export function fnv1a32(string) {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(string)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The shard of a token: FNV-1a of the whole token for Japanese tokens, of its first two code
 * points for words (so a word's prefix finds its shard), modulo the number of shards.
 */
export function bucketOf(token, shards) {
  const chars = Array.from(token);
  if (chars.length === 0) return 0;
  const key = charClass(chars[0]) === 'c' ? token : chars.slice(0, 2).join('');
  return fnv1a32(key) % shards;
}

/** [doc-delta, weight, ...] → Map(doc → weight), docs ascending. */
export function decodePostings(array) {
  const map = new Map();
  let doc = 0;
  for (let i = 0; i + 1 < array.length; i += 2) {
    doc = i === 0 ? array[0] : doc + array[i];
    map.set(doc, array[i + 1]);
  }
  return map;
}

const shardText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A token shard (`t/<bucket>.bin.gz`, already inflated) → token → [doc-delta, weight, ...], the
 * postings as decodePostings and expandPrefix read them, in an object without a prototype (so a
 * query token like `constructor` finds nothing that is not in the shard).
 *
 * The shard is a sequence of token records and nothing else (an empty shard is zero bytes): the
 * token's UTF-8 length as a varint, its UTF-8 bytes, its posting count as a varint, then per
 * posting the doc delta as a varint (the first posting's doc id absolute) and one weight byte,
 * 1…255. A varint is unsigned LEB128 of at most 32 bits. Throws on a record that runs past the
 * end, an over-long varint, text that is not UTF-8, a weight of 0 or a token given twice.
 */
export function decodeShard(bytes) {
  if (!(bytes instanceof Uint8Array)) bytes = new Uint8Array(bytes);
  const shard = Object.create(null);
  const end = bytes.length;
  let at = 0;
  let token = null;
  const fail = (what) => {
    const where = token === null ? '' : ` (token ${JSON.stringify(token)})`;
    throw new Error(`malformed search shard: ${what}${where} at byte ${at} of ${end}`);
  };
  const varint = (what) => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= end) fail(`${what} runs past the end`);
      const b = bytes[at++];
      // the fifth byte holds bits 28…31 only: no continuation, nothing above 32 bits
      if (shift === 28 && b > 0x0f) fail(`${what} is longer than 32 bits`);
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  while (at < end) {
    token = null;
    const length = varint('token length');
    if (length > end - at) fail(`token text of ${length} bytes runs past the end`);
    let text;
    try {
      text = shardText.decode(bytes.subarray(at, at + length));
    } catch {
      fail('token text is not UTF-8');
    }
    at += length;
    token = text;
    if (token in shard) fail('token given twice');
    const count = varint('posting count');
    // every posting takes two bytes at least
    if (count > (end - at) / 2) fail(`${count} postings run past the end`);
    const list = [];
    for (let i = 0; i < count; i++) {
      // one-byte deltas inline, longer ones (and the end of the data) through varint
      let delta = at < end ? bytes[at] : 0x80;
      if (delta < 0x80) at++;
      else delta = varint('doc delta');
      if (at >= end) fail('weight runs past the end');
      const weight = bytes[at];
      if (weight === 0) fail('weight 0');
      at++;
      list.push(delta, weight);
    }
    shard[token] = list;
  }
  return shard;
}

/** Every token of a shard starting with `prefix`, merged: per document the largest weight. */
export function expandPrefix(shard, prefix) {
  const merged = new Map();
  for (const key of Object.keys(shard)) {
    if (!key.startsWith(prefix)) continue;
    for (const [doc, w] of decodePostings(shard[key])) {
      const prev = merged.get(doc);
      if (prev === undefined || w > prev) merged.set(doc, w);
    }
  }
  return merged;
}

/** BM25 idf as in the spec. */
export function idf(docs, df) {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/**
 * AND-scores: `lists` holds one Map(doc → weight) per query token; a document must be in every
 * list; its score is Σ idf(df of the list) × weight / 255. Returns Map(doc → score).
 */
export function score(lists, docs) {
  const out = new Map();
  if (lists.length === 0) return out;
  const idfs = lists.map((l) => idf(docs, l.size));
  let smallest = 0;
  lists.forEach((l, i) => { if (l.size < lists[smallest].size) smallest = i; });
  for (const doc of lists[smallest].keys()) {
    let s = 0;
    let all = true;
    for (let i = 0; i < lists.length; i++) {
      const w = lists[i].get(doc);
      if (w === undefined) { all = false; break; }
      s += (idfs[i] * w) / 255;
    }
    if (all) out.set(doc, s);
  }
  return out;
}

/** +10 when the normalised title (spaces removed) equals the compact query, +3 when it contains it. */
export function phraseBonus(title, compactQuery) {
  if (!compactQuery) return 0;
  const t = normalize(title).replace(/\s+/gu, '');
  if (t === compactQuery) return 10;
  if (t.includes(compactQuery)) return 3;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Facets

/** base64 → Uint8Array (atob exists in browsers and node ≥ 16). */
export function decodeBase64(b64) {
  const bin = atob(b64 || '');
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The facets file → {names, columns: {name: {values, multi, column}}, labels}. Single-valued
 * columns are a Uint8Array of value indices; multi-valued ones a Uint32Array of bitmasks decoded
 * little-endian.
 */
export function decodeFacets(json) {
  const columns = {};
  const names = [];
  for (const [name, spec] of Object.entries(json)) {
    if (name === 'labels' || !spec || !Array.isArray(spec.values)) continue;
    const bytes = decodeBase64(spec.docs);
    let column;
    if (spec.multi) {
      const width = spec.bytes || 4;
      const n = Math.floor(bytes.length / width);
      column = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        let mask = 0;
        for (let k = width - 1; k >= 0; k--) mask = (mask * 256) + bytes[i * width + k];
        column[i] = mask >>> 0;
      }
    } else {
      column = bytes;
    }
    columns[name] = { name, values: spec.values, multi: !!spec.multi, column };
    names.push(name);
  }
  return { names, columns, labels: json.labels || {} };
}

/** Whether document `doc` has value index `i` in a decoded facet column. */
export function hasValue(facet, doc, i) {
  if (doc >= facet.column.length) return false;
  if (facet.multi) return i < 32 && ((facet.column[doc] >>> i) & 1) === 1;
  return facet.column[doc] === i;
}

/** The value names of one document in one facet (empty values left out). */
export function valuesOf(facet, doc) {
  const out = [];
  facet.values.forEach((v, i) => { if (v !== '' && hasValue(facet, doc, i)) out.push(v); });
  return out;
}

/**
 * A selection {facet: [values]} resolved against the facets: unknown facets and values are
 * dropped; returns [{facet, indices}] for the facets with at least one known value.
 */
export function resolveSelection(facets, selection) {
  const out = [];
  for (const [name, vals] of Object.entries(selection || {})) {
    const facet = facets.columns[name];
    if (!facet || !vals) continue;
    const list = Array.isArray(vals) ? vals : [vals];
    const indices = [];
    for (const v of list) {
      const i = facet.values.indexOf(v);
      if (i > 0 || (i === 0 && v !== '')) indices.push(i);
    }
    if (indices.length) out.push({ facet, indices });
  }
  return out;
}

/** AND across facets, OR within one facet's values; `except` skips one facet (for its counts). */
export function matchesSelection(resolved, doc, except = null) {
  for (const { facet, indices } of resolved) {
    if (facet.name === except) continue;
    if (!indices.some((i) => hasValue(facet, doc, i))) return false;
  }
  return true;
}

/** Filters a list of doc ids (keeping its order). */
export function filterDocs(facets, ids, selection) {
  const resolved = resolveSelection(facets, selection);
  if (!resolved.length) return ids.slice();
  return ids.filter((d) => matchesSelection(resolved, d));
}

/**
 * Counts per value of each named facet over `ids` (the current result set). A facet's own
 * selection is left out of its counts (the others apply), so each count says how many results
 * ticking that value would bring in: with no selection these are simply the counts over the
 * results. Returns {facet: [{value, count, selected}]} with the empty value left out.
 */
export function facetCounts(facets, ids, selection, names = facets.names) {
  const resolved = resolveSelection(facets, selection);
  const out = {};
  for (const name of names) {
    const facet = facets.columns[name];
    if (!facet) continue;
    const counts = new Array(facet.values.length).fill(0);
    for (const doc of ids) {
      if (!matchesSelection(resolved, doc, name)) continue;
      if (facet.multi) {
        let bits = facet.column[doc] || 0;
        while (bits) {
          const i = 31 - Math.clz32(bits);
          if (i < counts.length) counts[i]++;
          bits &= ~(1 << i);
        }
      } else if (doc < facet.column.length) {
        counts[facet.column[doc]]++;
      }
    }
    const selected = new Set((selection && [].concat(selection[name] || [])) || []);
    out[name] = facet.values
      .map((value, i) => ({ value, count: counts[i], selected: selected.has(value) }))
      .filter((e) => e.value !== '');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Highlighting and snippets

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ESC[c]);
}

const RE_JOINER = /^[\p{M}\uFF9E\uFF9F]$/u;

/**
 * Normalises a text character by character, keeping the way back: a character and the combining
 * marks after it (so half-width ｶﾞ stays one が) are normalised together. Returns the normalised
 * text and, per UTF-16 unit of it, the start and end offset of its source in the original.
 */
export function normalizeWithMap(text) {
  const starts = [];
  const ends = [];
  let norm = '';
  const chars = Array.from(text);
  let offset = 0;
  let i = 0;
  while (i < chars.length) {
    let cluster = chars[i];
    let j = i + 1;
    while (j < chars.length && RE_JOINER.test(chars[j])) cluster += chars[j++];
    const piece = normalize(cluster);
    for (let k = 0; k < piece.length; k++) {
      starts.push(offset);
      ends.push(offset + cluster.length);
    }
    norm += piece;
    offset += cluster.length;
    i = j;
  }
  return { norm, starts, ends };
}

function wordClassAt(norm, pos) {
  if (pos < 0 || pos >= norm.length) return 's';
  let cp = norm.codePointAt(pos);
  // step back onto the high surrogate when pos points at a low one
  if (cp >= 0xdc00 && cp <= 0xdfff && pos > 0) cp = norm.codePointAt(pos - 1);
  return charClass(String.fromCodePoint(cp));
}

function occurrences(norm, needle, check) {
  const out = [];
  if (!needle) return out;
  let from = 0;
  for (;;) {
    const at = norm.indexOf(needle, from);
    if (at < 0) break;
    if (!check || check(at, at + needle.length)) out.push([at, at + needle.length]);
    from = at + 1;
  }
  return out;
}

/** Ranges [start, end) in normalised text where the query's terms occur, merged and sorted. */
export function matchRanges(norm, terms) {
  let ranges = [];
  for (const term of terms) {
    if (term.kind === 'word') {
      const cls = charClass(Array.from(term.text)[0]);
      const lastCls = charClass(Array.from(term.text).pop());
      ranges.push(...occurrences(norm, term.text, (s, e) =>
        wordClassAt(norm, s - 1) !== cls && (term.prefix || wordClassAt(norm, e) !== lastCls)));
    } else {
      const whole = occurrences(norm, term.text);
      if (whole.length || !term.parts || !term.parts.length) ranges.push(...whole);
      else for (const p of term.parts) ranges.push(...occurrences(norm, p));
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Ranges [start, end) in the ORIGINAL text where the query's terms occur. */
export function originalRanges(text, terms) {
  const { norm, starts, ends } = normalizeWithMap(text);
  const out = [];
  for (const [s, e] of matchRanges(norm, terms)) {
    const os = starts[s];
    const oe = ends[e - 1];
    const last = out[out.length - 1];
    if (last && os <= last[1]) last[1] = Math.max(last[1], oe);
    else out.push([os, oe]);
  }
  return out;
}

function markRanges(text, ranges, from = 0, to = text.length) {
  let html = '';
  let pos = from;
  for (const [s0, e0] of ranges) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s) continue;
    html += escapeHtml(text.slice(pos, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    pos = e;
  }
  return html + escapeHtml(text.slice(pos, to));
}

/** The text, HTML-escaped, with every match of the query (string or parsed) in <mark>. */
export function highlight(text, query) {
  const terms = typeof query === 'string' ? parseQuery(query).terms : query.terms || query;
  return markRanges(String(text || ''), originalRanges(String(text || ''), terms));
}

function safeCut(text, pos) {
  // never cut between a surrogate pair or before a combining mark
  while (pos > 0 && pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c >= 0xdc00 && c <= 0xdfff) { pos--; continue; }
    if (RE_JOINER.test(text[pos])) { pos--; continue; }
    break;
  }
  return pos;
}

/**
 * A snippet: the summary when it contains a match, else a window of the body around its first
 * match, else the summary (or the body's start). HTML-escaped with <mark> around matches.
 */
export function buildSnippet(summary, body, query, { length = 140, before = 30 } = {}) {
  const terms = typeof query === 'string' ? parseQuery(query).terms : query.terms || query;
  summary = String(summary || '');
  body = String(body || '');
  const sRanges = originalRanges(summary, terms);
  if (sRanges.length || !body) return cutWindow(summary, sRanges, length * 2, before);
  const bRanges = originalRanges(body, terms);
  if (bRanges.length) return cutWindow(body, bRanges, length, before);
  return cutWindow(summary || body, [], length, before);
}

function cutWindow(text, ranges, length, before) {
  if (text.length <= length) return markRanges(text, ranges);
  let start = 0;
  if (ranges.length && ranges[0][0] > before) start = safeCut(text, ranges[0][0] - before);
  let end = Math.min(text.length, start + length);
  if (end - start < length) start = safeCut(text, Math.max(0, end - length));
  end = safeCut(text, end);
  return (start > 0 ? '…' : '') + markRanges(text, ranges, start, end) + (end < text.length ? '…' : '');
}

// ---------------------------------------------------------------------------------------------
// Loading

function isGzip(bytes) {
  return bytes && bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** gunzip with the platform's DecompressionStream (browsers; node ≥ 18). */
export async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Browser fetcher: the file's bytes (a server that already decoded Content-Encoding is fine too). */
export async function fetchBytes(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function joinPath(base, rel) {
  return base.endsWith('/') ? base + rel : base + '/' + rel;
}

function resolveBase(base, manifestUrl) {
  if (/^[a-z][a-z0-9+.-]*:|^\//i.test(base)) return base;
  const dir = manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1);
  return dir + base;
}

// ---------------------------------------------------------------------------------------------
// The searcher

/**
 * Runs queries against one index. `fetchData(path)` returns the raw file (Uint8Array or
 * ArrayBuffer; a string is accepted for the JSON files, never for the binary token shards);
 * gzip'd data is inflated here. Every file is fetched at most once per Searcher (a visit).
 */
export class Searcher {
  constructor({ manifestUrl, fetchData = fetchBytes, inflate = gunzip, pageSize = 10, bonusWindow } = {}) {
    if (!manifestUrl) throw new Error('Searcher needs manifestUrl');
    this.manifestUrl = manifestUrl;
    this.fetchData = fetchData;
    this.inflate = inflate;
    this.pageSize = pageSize;
    this.bonusWindow = bonusWindow ?? pageSize;
    this.cache = new Map();
    this.fetched = [];
    this._facets = null;
  }

  /** Fetches a file and decodes it with `decode(data)` once (a failed load may be retried). */
  once(path, decode) {
    let p = this.cache.get(path);
    if (!p) {
      this.fetched.push(path);
      p = (async () => {
        let data = await this.fetchData(path);
        if (typeof data !== 'string') {
          data = data instanceof Uint8Array ? data : new Uint8Array(data);
          if (isGzip(data)) data = await this.inflate(data);
        }
        return decode(data);
      })();
      p.catch(() => this.cache.delete(path));
      this.cache.set(path, p);
    }
    return p;
  }

  /** Loads and parses a JSON file once (a failed load may be retried). */
  load(path) {
    return this.once(path, (data) =>
      JSON.parse(typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data)));
  }

  /** Loads and decodes a binary token shard once (a failed load may be retried). */
  loadShard(path) {
    return this.once(path, (data) => {
      if (typeof data === 'string') throw new TypeError(`${path}: a token shard is binary, fetchData gave a string`);
      return decodeShard(data);
    });
  }

  async manifest() {
    const m = await this.load(this.manifestUrl);
    if (m.version !== 2) throw new Error(`unsupported search index version ${m.version}`);
    if (!this.base) this.base = resolveBase(m.base, this.manifestUrl);
    return m;
  }

  /** A token shard: token → [doc-delta, weight, ...] (decodeShard). */
  async shard(bucket) {
    await this.manifest();
    return this.loadShard(joinPath(this.base, `t/${bucket}.bin.gz`));
  }

  async chunk(n) {
    await this.manifest();
    return this.load(joinPath(this.base, `d/${n}.json.gz`));
  }

  async facets() {
    await this.manifest();
    if (!this._facets) {
      this._facets = this.load(joinPath(this.base, 'facets.json.gz')).then(decodeFacets);
      this._facets.catch(() => { this._facets = null; });
    }
    return this._facets;
  }

  /** The stored data of the given docs: Map(doc → {u, t, y, l, d, s, x}). */
  async docs(ids) {
    const m = await this.manifest();
    const size = m.chunkSize;
    const chunks = [...new Set(ids.map((d) => Math.floor(d / size)))];
    const loaded = await Promise.all(chunks.map((c) => this.chunk(c)));
    const map = new Map();
    chunks.forEach((c, k) => {
      for (const d of ids) if (Math.floor(d / size) === c) map.set(d, loaded[k][d - c * size]);
    });
    return map;
  }

  /** Map(doc → score) for a parsed query (AND over its tokens, prefixes expanded). */
  async scores(parsed) {
    const m = await this.manifest();
    if (!parsed.tokens.length) return new Map();
    const lists = await Promise.all(parsed.tokens.map(async ({ token, prefix }) => {
      const shard = await this.shard(bucketOf(token, m.shards));
      if (prefix) return expandPrefix(shard, token);
      return shard[token] ? decodePostings(shard[token]) : new Map();
    }));
    if (lists.some((l) => l.size === 0)) return new Map();
    return score(lists, m.docs);
  }

  /**
   * search(query, {filters, sort: 'relevance'|'date', page, pageSize, facetNames, restrict})
   * → {query, total, page, pageCount, results: [{id, score, bonus, doc, titleHtml, snippetHtml}],
   *    facets: {name: [{value, count, selected}]}, columns, labels}
   * An empty query with filters browses every document matching the filters, newest first.
   */
  async search(query, { filters = {}, sort = 'relevance', page = 1, pageSize = this.pageSize,
    facetNames = null, restrict = null } = {}) {
    const m = await this.manifest();
    const parsed = parseQuery(query || '');
    const hasFilters = Object.values(filters || {}).some((v) => [].concat(v).length > 0);
    let scored;
    let ids;
    if (parsed.tokens.length) {
      scored = await this.scores(parsed);
      ids = [...scored.keys()];
    } else if (hasFilters || restrict) {
      scored = new Map();
      ids = Array.from({ length: m.docs }, (_, i) => i);
      sort = 'date';
    } else {
      return { query, parsed, total: 0, page: 1, pageCount: 0, results: [], facets: {}, sort };
    }
    let facets = null;
    if (ids.length || hasFilters) facets = await this.facets();
    if (restrict) ids = ids.filter(restrict);
    const all = ids;
    const counts = facets ? facetCounts(facets, all, filters, facetNames || facets.names) : {};
    ids = facets ? filterDocs(facets, all, filters) : ids;

    const bonus = new Map();
    if (sort === 'date') {
      ids.sort((a, b) => a - b);
    } else {
      const byScore = (a, b) => (scored.get(b) + (bonus.get(b) || 0)) - (scored.get(a) + (bonus.get(a) || 0)) || a - b;
      ids.sort(byScore);
      const top = ids.slice(0, this.bonusWindow);
      const data = await this.docs(top);
      for (const d of top) {
        const b = phraseBonus(data.get(d)?.t || '', parsed.compact);
        if (b) bonus.set(d, b);
      }
      if (bonus.size) ids.sort(byScore);
    }

    const total = ids.length;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const current = Math.min(Math.max(1, page | 0 || 1), pageCount);
    const shown = ids.slice((current - 1) * pageSize, current * pageSize);
    const data = await this.docs(shown);
    const results = shown.map((id) => {
      const doc = data.get(id) || {};
      return {
        id,
        score: (scored.get(id) || 0) + (bonus.get(id) || 0),
        bonus: bonus.get(id) || 0,
        doc,
        titleHtml: parsed.tokens.length ? highlight(doc.t || '', parsed) : escapeHtml(doc.t || ''),
        snippetHtml: parsed.tokens.length ? buildSnippet(doc.s, doc.x, parsed) : buildSnippet(doc.s, doc.x, { terms: [] }),
        values: facets ? Object.fromEntries(facets.names.map((n) => [n, valuesOf(facets.columns[n], id)])) : {},
      };
    });
    return {
      query, parsed, total, page: current, pageCount, pageSize, sort, ids, results, facets: counts,
      columns: facets, labels: facets ? facets.labels : {},
    };
  }

  /**
   * The documents of one content type as a list page in language `lang` shows them: every doc of
   * the type, and where an entry exists in several languages only its `lang` version (else the
   * original). Returns a predicate on doc ids for search({restrict}). Chunks are loaded only when
   * the type really has documents in more than one language.
   */
  async listRestriction(type, lang) {
    const facets = await this.facets();
    const typeCol = facets.columns.type;
    const t = typeCol ? typeCol.values.indexOf(type) : -1;
    const ofType = [];
    if (t >= 0) for (let d = 0; d < typeCol.column.length; d++) if (typeCol.column[d] === t) ofType.push(d);
    const langCol = facets.columns.lang;
    const langs = new Set(langCol ? ofType.map((d) => langCol.column[d]) : []);
    if (langs.size <= 1) {
      const set = new Set(ofType);
      return (d) => set.has(d);
    }
    const codes = langCol.values.filter((v) => v && /^[a-z-]+$/i.test(v));
    const prefix = new RegExp(`^/(?:${codes.join('|')})/`);
    const data = await this.docs(ofType);
    const best = new Map();
    for (const d of ofType) {
      const doc = data.get(d) || {};
      const key = (doc.u || String(d)).replace(prefix, '/');
      const prev = best.get(key);
      const rank = doc.l === lang ? 0 : (doc.u || '').match(prefix) ? 2 : 1;
      if (!prev || rank < prev.rank) best.set(key, { d, rank });
    }
    const set = new Set([...best.values()].map((v) => v.d));
    return (d) => set.has(d);
  }
}

// ---------------------------------------------------------------------------------------------
// Interface strings and formatting

export const STRINGS = {
  ja: {
    prompt: 'キーワードを入力してください。',
    searching: '検索しています…',
    results: (n, q) => q ? `「${q}」の検索結果：${n}件` : `条件に合う掲載：${n}件`,
    none: (q) => q ? `「${q}」に一致するページは見つかりませんでした。` : '条件に合う掲載はありません。',
    error: '検索インデックスを読み込めませんでした。時間をおいて再度お試しください。',
    filters: '絞り込み',
    clear: '条件をクリア',
    sort: '並べ替え',
    relevance: '関連度順',
    date: '新しい順',
    pages: 'ページ送り',
    prev: '前へ',
    next: '次へ',
    pageN: (n) => `${n}ページ目`,
    listMatches: (n) => `条件に合う掲載：${n}件`,
    listNone: '条件に合う掲載はありません。',
    facet: {
      type: '種類', lang: '言語', status: '状況', focus: '重点分野', tech: '技術分野', clinical: '臨床分野',
      jp_class: '医療機器クラス（日本）', eu_class: '医療機器クラス（EU MDR）', cert: '認証',
      involvement: '医療分野との関わり', kind: '区分',
    },
  },
  en: {
    prompt: 'Type a word to search for.',
    searching: 'Searching…',
    results: (n, q) => q ? `${n} ${n === 1 ? 'result' : 'results'} for “${q}”` : `${n} ${n === 1 ? 'entry matches' : 'entries match'} the filters`,
    none: (q) => q ? `Nothing matches “${q}”.` : 'No entries match these filters.',
    error: 'The search index could not be loaded. Please try again later.',
    filters: 'Filter',
    clear: 'Clear filters',
    sort: 'Sort by',
    relevance: 'Relevance',
    date: 'Newest first',
    pages: 'Pages',
    prev: 'Previous',
    next: 'Next',
    pageN: (n) => `Page ${n}`,
    listMatches: (n) => `${n} ${n === 1 ? 'entry matches' : 'entries match'} the filters`,
    listNone: 'No entries match these filters.',
    facet: {
      type: 'Type', lang: 'Language', status: 'Status', focus: 'Focus area', tech: 'Technology area',
      clinical: 'Clinical area', jp_class: 'Device class (Japan)', eu_class: 'Device class (EU MDR)',
      cert: 'Certification', involvement: 'Medical involvement', kind: 'Kind',
    },
  },
  de: {
    prompt: 'Bitte einen Suchbegriff eingeben.',
    searching: 'Suche läuft …',
    results: (n, q) => q ? `${n} ${n === 1 ? 'Treffer' : 'Treffer'} für „${q}“` : `${n} ${n === 1 ? 'Eintrag passt' : 'Einträge passen'} zu den Filtern`,
    none: (q) => q ? `Keine Treffer für „${q}“.` : 'Keine Einträge passen zu diesen Filtern.',
    error: 'Der Suchindex konnte nicht geladen werden. Bitte später erneut versuchen.',
    filters: 'Filtern',
    clear: 'Filter zurücksetzen',
    sort: 'Sortieren nach',
    relevance: 'Relevanz',
    date: 'Neueste zuerst',
    pages: 'Seiten',
    prev: 'Zurück',
    next: 'Weiter',
    pageN: (n) => `Seite ${n}`,
    listMatches: (n) => `${n} ${n === 1 ? 'Eintrag passt' : 'Einträge passen'} zu den Filtern`,
    listNone: 'Keine Einträge passen zu diesen Filtern.',
    facet: {
      type: 'Inhaltstyp', lang: 'Sprache', status: 'Status', focus: 'Schwerpunkt', tech: 'Technologiefeld',
      clinical: 'Klinischer Bereich', jp_class: 'Geräteklasse (Japan)', eu_class: 'Geräteklasse (EU-MDR)',
      cert: 'Zertifizierung', involvement: 'Bezug zur Medizin', kind: 'Art',
    },
  },
};

export function stringsFor(lang) {
  const code = String(lang || 'ja').toLowerCase().split('-')[0];
  return STRINGS[code] || STRINGS.ja;
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];

/** 2026-11-12 as the site writes it: 2026年11月12日(木), 12 November 2026, 12. November 2026. */
export function formatDate(iso, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return iso || '';
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const code = String(lang || 'ja').split('-')[0];
  if (code === 'en') return `${d} ${MONTHS.en[mo - 1]} ${y}`;
  if (code === 'de') return `${d}. ${MONTHS.de[mo - 1]} ${y}`;
  const wd = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return `${y}年${mo}月${d}日(${WEEKDAYS_JA[wd]})`;
}

/** The label of a facet value in a language (falls back to Japanese, then the value). */
export function labelOf(labels, lang, facet, value) {
  const code = String(lang || 'ja').split('-')[0];
  return labels?.[code]?.[facet]?.[value] ?? labels?.ja?.[facet]?.[value] ?? value;
}

const STATUS_BADGE = {
  open: 'open', upcoming: 'upcoming', in_discussion: 'notice', past: 'past',
  matched: 'closed', closed: 'closed', expired: 'closed',
};

/** One result as a card, in the markup of the theme's card partial. */
export function renderCard(result, { lang, labels, typeBadge = true }) {
  const doc = result.doc || {};
  const badges = [];
  if (doc.y && typeBadge) badges.push(`<li class="badge badge-neutral badge-type-${escapeHtml(doc.y)}">${escapeHtml(labelOf(labels, lang, 'type', doc.y))}</li>`);
  for (const k of result.values?.kind || []) badges.push(`<li class="badge badge-neutral">${escapeHtml(labelOf(labels, lang, 'kind', k))}</li>`);
  for (const k of result.values?.involvement || []) badges.push(`<li class="badge badge-neutral">${escapeHtml(labelOf(labels, lang, 'involvement', k))}</li>`);
  for (const s of result.values?.status || []) {
    badges.push(`<li class="badge badge-${STATUS_BADGE[s] || 'neutral'}">${escapeHtml(labelOf(labels, lang, 'status', s))}</li>`);
  }
  const langAttr = doc.l && doc.l !== String(lang).split('-')[0] ? ` lang="${escapeHtml(doc.l)}"` : '';
  return `<li class="card"${langAttr}>
<article>
<h3 class="card-title"><a href="${escapeHtml(doc.u || '#')}">${result.titleHtml}</a></h3>
${badges.length ? `<ul class="badges">${badges.join('')}</ul>` : ''}
${result.snippetHtml ? `<p class="card-summary search-snippet">${result.snippetHtml}</p>` : ''}
${doc.d ? `<p class="card-date"><time datetime="${escapeHtml(doc.d)}">${escapeHtml(formatDate(doc.d, lang))}</time></p>` : ''}
</article>
</li>`;
}

// ---------------------------------------------------------------------------------------------
// URL state

const RESERVED = new Set(['q', 'sort', 'page']);

/** ?q=…&type=need&tech=optics&tech=laser_photonics&sort=date&page=2 → state. */
export function stateFromParams(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const [k, v] of params) {
    if (RESERVED.has(k) || !v) continue;
    (filters[k] ||= []).includes(v) || filters[k].push(v);
  }
  return {
    q: params.get('q') || '',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    page: Math.max(1, parseInt(params.get('page') || '1', 10) || 1),
    filters,
  };
}

export function paramsFromState({ q = '', sort = 'relevance', page = 1, filters = {} }, facetOrder = null) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  const names = facetOrder ? [...facetOrder, ...Object.keys(filters).filter((k) => !facetOrder.includes(k))] : Object.keys(filters);
  for (const name of names) for (const v of filters[name] || []) params.append(name, v);
  if (sort === 'date') params.set('sort', 'date');
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? '?' + s : '';
}

// ---------------------------------------------------------------------------------------------
// The page (browser only)

const SEARCH_FACETS = ['type', 'status', 'kind', 'focus', 'tech', 'clinical', 'jp_class', 'eu_class', 'cert', 'involvement', 'lang'];
const LIST_FACETS = {
  company: ['tech', 'cert', 'involvement'],
  need: ['status', 'kind', 'tech', 'clinical'],
};

function renderFacets(counts, names, { lang, labels, strings, idPrefix }) {
  let html = '';
  for (const name of names) {
    const entries = (counts[name] || []).filter((e) => e.count > 0 || e.selected);
    if (!entries.length) continue;
    const legend = labels?.[String(lang).split('-')[0]]?.names?.[name] || strings.facet[name] || name;
    html += `<fieldset class="search-facet" data-facet="${escapeHtml(name)}"><legend>${escapeHtml(legend)}</legend><ul>`;
    entries.forEach((e, i) => {
      const id = `${idPrefix}-${name}-${i}`;
      html += `<li><input type="checkbox" id="${id}" name="${escapeHtml(name)}" value="${escapeHtml(e.value)}"${e.selected ? ' checked' : ''}>` +
        ` <label for="${id}">${escapeHtml(labelOf(labels, lang, name, e.value))} <span class="facet-count">(${e.count})</span></label></li>`;
    });
    html += '</ul></fieldset>';
  }
  return html;
}

function renderPagination(state, result, strings, pathname, facetOrder) {
  if (result.pageCount <= 1) return '';
  const link = (p, label, rel) => {
    const href = escapeHtml(pathname + paramsFromState({ ...state, page: p }, facetOrder));
    return `<a href="${href}" data-page="${p}"${rel ? ` rel="${rel}"` : ` aria-label="${escapeHtml(strings.pageN(p))}"`}>${escapeHtml(label)}</a>`;
  };
  let html = `<nav class="pagination" aria-label="${escapeHtml(strings.pages)}"><ul>`;
  if (result.page > 1) html += `<li>${link(result.page - 1, strings.prev, 'prev')}</li>`;
  for (let p = 1; p <= result.pageCount; p++) {
    html += p === result.page ? `<li><span aria-current="page">${p}</span></li>` : `<li>${link(p, String(p))}</li>`;
  }
  if (result.page < result.pageCount) html += `<li>${link(result.page + 1, strings.next, 'next')}</li>`;
  return html + '</ul></nav>';
}

function keepFocus(container, render) {
  const active = document.activeElement;
  const key = active && container.contains(active) && active.name ? [active.name, active.value] : null;
  render();
  if (key) {
    for (const el of container.querySelectorAll('input')) {
      if (el.name === key[0] && el.value === key[1]) { el.focus(); break; }
    }
  }
}

function selectionFromInputs(container) {
  const filters = {};
  for (const el of container.querySelectorAll('input[type=checkbox]:checked')) (filters[el.name] ||= []).push(el.value);
  return filters;
}

const searchers = new Map();
function searcherFor(url) {
  if (!searchers.has(url)) searchers.set(url, new Searcher({ manifestUrl: url }));
  return searchers.get(url);
}

function manifestUrlFor(el) {
  return el?.dataset?.searchIndex || document.querySelector('[data-search-index]')?.dataset.searchIndex || '';
}

function initSearchPage(root) {
  const lang = document.documentElement.lang || 'ja';
  const strings = stringsFor(lang);
  const url = manifestUrlFor(root);
  const form = root.querySelector('form');
  const input = root.querySelector('input[name=q]');
  const status = root.querySelector('[data-search-status]');
  const resultsBox = root.querySelector('[data-search-results]');
  const facetsBox = root.querySelector('[data-search-facets]');
  if (!url || !form || !input || !resultsBox) return;
  const searcher = searcherFor(url);
  let state = stateFromParams(location.search);
  let seq = 0;
  let timer = 0;
  let lastPushKind = 'load';
  let facetOrder = null;

  input.value = state.q;
  input.enterKeyHint = 'search';
  let facetsBody = null;
  let facetsList = null;
  if (facetsBox) {
    facetsBox.innerHTML = `<details class="search-filter-panel" hidden><summary>${escapeHtml(strings.filters)}</summary><div class="search-filter-facets"></div></details>`;
    facetsBody = facetsBox.firstElementChild;
    facetsList = facetsBody.lastElementChild;
    facetsBody.open = Object.keys(state.filters).length > 0 || window.matchMedia('(min-width: 48rem)').matches;
  }

  const commit = (kind) => {
    const href = location.pathname + paramsFromState(state, facetOrder) + location.hash;
    if (href === location.pathname + location.search + location.hash) return;
    if (kind === 'type' && lastPushKind === 'type') history.replaceState(state, '', href);
    else history.pushState(state, '', href);
    lastPushKind = kind;
  };

  const run = async () => {
    const my = ++seq;
    const q = state.q.trim();
    const hasFilters = Object.keys(state.filters).length > 0;
    if (!q && !hasFilters) {
      resultsBox.innerHTML = '';
      if (facetsBox) facetsBody.hidden = true;
      status.textContent = strings.prompt;
      return;
    }
    root.setAttribute('aria-busy', 'true');
    let result;
    try {
      result = await searcher.search(state.q, { filters: state.filters, sort: state.sort, page: state.page, facetNames: SEARCH_FACETS });
    } catch (err) {
      if (my !== seq) return;
      root.removeAttribute('aria-busy');
      status.textContent = strings.error;
      console.error(err);
      return;
    }
    if (my !== seq) return;
    root.removeAttribute('aria-busy');
    facetOrder = result.columns ? result.columns.names : null;
    const labels = result.labels;
    status.textContent = result.total ? strings.results(result.total, q) : strings.none(q);
    const sortHtml = result.total > 1 && q
      ? `<p class="search-sort"><label for="search-sort">${escapeHtml(strings.sort)}</label> <select id="search-sort" name="sort">` +
        `<option value="relevance"${state.sort !== 'date' ? ' selected' : ''}>${escapeHtml(strings.relevance)}</option>` +
        `<option value="date"${state.sort === 'date' ? ' selected' : ''}>${escapeHtml(strings.date)}</option></select></p>`
      : '';
    keepFocus(resultsBox, () => {
      resultsBox.innerHTML = sortHtml +
        (result.results.length ? `<ul class="cards search-result-list">${result.results.map((r) => renderCard(r, { lang, labels })).join('')}</ul>` : '') +
        renderPagination(state, result, strings, location.pathname, facetOrder);
    });
    if (facetsBox) {
      const body = renderFacets(result.facets, SEARCH_FACETS, { lang, labels, strings, idPrefix: 'sf' });
      facetsBody.hidden = !body;
      keepFocus(facetsList, () => {
        facetsList.innerHTML = body +
          (Object.keys(state.filters).length ? `<p class="search-clear"><button type="button" data-clear>${escapeHtml(strings.clear)}</button></p>` : '');
      });
    }
  };

  const typed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (input.value === state.q) return;
      state = { ...state, q: input.value, page: 1 };
      commit('type');
      run();
    }, 150);
  };
  // while an IME is composing (かな漢字変換) wait for the composed text
  input.addEventListener('input', (e) => { if (!e.isComposing) typed(); });
  input.addEventListener('compositionend', typed);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    state = { ...state, q: input.value, page: 1 };
    commit('submit');
    run();
  });
  if (facetsBox) {
    facetsBox.addEventListener('change', (e) => {
      if (e.target.type !== 'checkbox') return;
      state = { ...state, filters: selectionFromInputs(facetsBox), page: 1 };
      commit('filter');
      run();
    });
    facetsBox.addEventListener('click', (e) => {
      if (!e.target.closest('[data-clear]')) return;
      state = { ...state, filters: {}, page: 1 };
      commit('filter');
      run();
      input.focus();
    });
  }
  resultsBox.addEventListener('change', (e) => {
    if (e.target.name !== 'sort') return;
    state = { ...state, sort: e.target.value === 'date' ? 'date' : 'relevance', page: 1 };
    commit('sort');
    run();
  });
  resultsBox.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-page]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    state = { ...state, page: parseInt(a.dataset.page, 10) || 1 };
    commit('page');
    run().then(() => root.scrollIntoView({ block: 'start' }));
  });
  window.addEventListener('popstate', () => {
    state = stateFromParams(location.search);
    lastPushKind = 'pop';
    input.value = state.q;
    run();
  });
  run();
}

function initListFilter(box) {
  const type = box.dataset.searchFilter;
  const names = LIST_FACETS[type] || ['tech'];
  const lang = document.documentElement.lang || 'ja';
  const strings = stringsFor(lang);
  const url = manifestUrlFor(box);
  if (!url) return;
  const searcher = searcherFor(url);
  let staticList = box.nextElementSibling;
  while (staticList && !staticList.matches('ul.cards, .empty')) staticList = staticList.nextElementSibling;
  const staticPager = staticList && staticList.nextElementSibling?.matches('nav.pagination') ? staticList.nextElementSibling : null;

  box.innerHTML = `<details class="search-filter-panel"><summary>${escapeHtml(strings.filters)}</summary><div class="search-filter-facets" data-facets></div></details>` +
    '<p class="search-status" role="status" aria-live="polite" aria-atomic="true" data-status></p><div class="search-filter-results" data-results></div>';
  const details = box.querySelector('details');
  const facetsBox = box.querySelector('[data-facets]');
  const status = box.querySelector('[data-status]');
  const resultsBox = box.querySelector('[data-results]');
  let state = stateFromParams(location.search);
  state.q = '';
  state.sort = 'date';
  details.open = Object.keys(state.filters).length > 0 || window.matchMedia('(min-width: 48rem)').matches;
  let restriction = null;
  let seq = 0;

  const only = (filters) => Object.fromEntries(Object.entries(filters).filter(([k]) => names.includes(k)));
  const commit = () => {
    const href = location.pathname + paramsFromState({ ...state, sort: 'relevance' }, names) + location.hash;
    if (href !== location.pathname + location.search + location.hash) history.pushState(state, '', href);
  };

  const run = async () => {
    const my = ++seq;
    let result;
    try {
      restriction ||= await searcher.listRestriction(type, lang.split('-')[0]);
      result = await searcher.search('', { filters: only(state.filters), page: state.page, facetNames: names, restrict: restriction });
    } catch (err) {
      if (my !== seq) return;
      status.textContent = strings.error;
      console.error(err);
      return;
    }
    if (my !== seq) return;
    const active = Object.keys(only(state.filters)).length > 0;
    const labels = result.labels;
    keepFocus(facetsBox, () => {
      facetsBox.innerHTML = renderFacets(result.facets, names, { lang, labels, strings, idPrefix: `lf-${type}` }) +
        (active ? `<p class="search-clear"><button type="button" data-clear>${escapeHtml(strings.clear)}</button></p>` : '');
    });
    // style.display too: the theme's `.cards { display: grid }` would beat the hidden attribute
    for (const el of [staticList, staticPager]) {
      if (!el) continue;
      el.hidden = active;
      el.style.display = active ? 'none' : '';
    }
    if (!active) {
      resultsBox.innerHTML = '';
      status.textContent = '';
      return;
    }
    status.textContent = result.total ? strings.listMatches(result.total) : strings.listNone;
    resultsBox.innerHTML = result.results.length
      ? `<ul class="cards">${result.results.map((r) => renderCard(r, { lang, labels, typeBadge: false })).join('')}</ul>` + renderPagination({ ...state, sort: 'relevance' }, result, strings, location.pathname, names)
      : `<p class="empty">${escapeHtml(strings.listNone)}</p>`;
  };

  facetsBox.addEventListener('change', (e) => {
    if (e.target.type !== 'checkbox') return;
    state = { ...state, filters: selectionFromInputs(facetsBox), page: 1 };
    commit();
    run();
  });
  facetsBox.addEventListener('click', (e) => {
    if (!e.target.closest('[data-clear]')) return;
    state = { ...state, filters: {}, page: 1 };
    commit();
    run();
  });
  resultsBox.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-page]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    state = { ...state, page: parseInt(a.dataset.page, 10) || 1 };
    commit();
    run().then(() => box.scrollIntoView({ block: 'start' }));
  });
  window.addEventListener('popstate', () => {
    state = { ...stateFromParams(location.search), q: '', sort: 'date' };
    run();
  });
  run();
}

/** Wires every search page and list filter on the current page (called once on load). */
export function init(doc = document) {
  for (const root of doc.querySelectorAll('[data-search-page]')) initSearchPage(root);
  for (const box of doc.querySelectorAll('[data-search-filter]')) initListFilter(box);
}

if (typeof document !== 'undefined' && typeof window !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => init());
  else init();
}
