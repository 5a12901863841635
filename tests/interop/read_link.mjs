// Reads the share links written by tests/interop_link.rs with the JavaScript Automerge,
// following docs/share-format.md and nothing else from this repository: an independent
// reader proves the specification is complete and the links are plain Automerge.
//
//   CARGO_TARGET_DIR=... cargo test --test interop_link && node tests/interop/read_link.mjs
//
// The files are read from $INTEROP_DIR, else $CARGO_TARGET_DIR/interop, else
// target/interop (relative to the working directory). Exits 1 when any check fails.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import * as Automerge from '@automerge/automerge';
import { checks, crc32, eq } from './checks.mjs';

const DIR = process.env.INTEROP_DIR
  ?? (process.env.CARGO_TARGET_DIR ? join(process.env.CARGO_TARGET_DIR, 'interop') : 'target/interop');

// Limits from docs/share-format.md.
const MAX_FRAGMENT_CHARS = 2 * 1024 * 1024;
const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
const MAX_HEADS = 64;
const MAX_INFLATED = 16 * 1024 * 1024;
const MAX_COLUMN_ITEMS = 2_000_000;

class ShareError extends Error {
  constructor(code, message) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}
const fail = (code, message) => { throw new ShareError(code, message); };

// ---- A checked cursor. Numbers stay exact to 2^53, which is all any cap needs. ----

class Reader {
  constructor(bytes, onShort = 'damaged') { this.b = bytes; this.i = 0; this.onShort = onShort; }
  get remaining() { return this.b.length - this.i; }
  get done() { return this.i >= this.b.length; }
  take(n) {
    if (!(n <= this.remaining)) fail(this.onShort, `wants ${n} bytes, ${this.remaining} left`);
    const out = this.b.subarray(this.i, this.i + n);
    this.i += n;
    return out;
  }
  byte() { return this.take(1)[0]; }
  uleb() {
    let value = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return value;
    }
    fail('damaged', 'LEB128 number longer than 10 bytes');
  }
  sleb() {
    let value = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return b & 0x40 ? value - 2 ** (shift + 7) : value;
    }
    fail('damaged', 'LEB128 number longer than 10 bytes');
  }
}

const hex = (bytes) => Buffer.from(bytes).toString('hex');

// ---- Fragment and frame (docs/share-format.md, "The link" and "The frame") ----

function fragmentToFrame(url) {
  const hash = url.indexOf('#');
  const fragment = (hash >= 0 ? url.slice(hash + 1) : url).trim();
  if (fragment.length > MAX_FRAGMENT_CHARS) fail('too-large', `${fragment.length} characters`);
  const m = /^u(\d+)\.([\s\S]*)$/.exec(fragment);
  if (!m) fail('not-a-link', 'no u<version>. prefix');
  if (Number(m[1]) > 1) fail('newer-version', `version ${m[1]}`);
  if (Number(m[1]) !== 1) fail('not-a-link', `version ${m[1]}`);
  let data = m[2].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9_-]*$/.test(data)) fail('damaged', 'character outside base64url');
  if (data.length % 4 === 1) data = data.slice(0, -1); // a cut link: the frame says "incomplete"
  return new Uint8Array(Buffer.from(data, 'base64url'));
}

function decodeFrame(frame) {
  const r = new Reader(frame, 'incomplete');
  const bodyLen = r.uleb();
  if (r.remaining < bodyLen + 4) fail('incomplete', `body of ${bodyLen} bytes, ${r.remaining} left`);
  if (r.remaining > bodyLen + 4) fail('damaged', 'bytes after the checksum');
  const body = r.take(bodyLen);
  const crc = new DataView(r.take(4).buffer, frame.byteOffset + r.i - 4, 4).getUint32(0, true);
  if (crc32(body) !== crc) fail('crc', 'CRC-32 of the body does not match');

  const b = new Reader(body);
  const type = b.byte();
  if (type !== 0 && type !== 1) fail('not-a-link', `payload type ${type}`);
  const kind = b.byte();
  const docId = hex(b.take(16));
  const sender = hex(b.take(16));
  const nHeads = b.uleb();
  if (nHeads > MAX_HEADS) fail('damaged', `${nHeads} heads`);
  const heads = [];
  for (let i = 0; i < nHeads; i++) heads.push(hex(b.take(32)));
  const rawLen = b.uleb();
  if (rawLen > MAX_PAYLOAD_BYTES) fail('unsafe', `declares ${rawLen} bytes`);
  if (rawLen === 0) fail('damaged', 'empty payload');
  let payload;
  try {
    // The declared length bounds the inflater: a lying payload costs nothing more.
    payload = inflateRawSync(b.take(b.remaining), { maxOutputLength: rawLen });
  } catch (e) {
    fail('damaged', `inflate: ${e.code ?? e.message}`);
  }
  if (payload.length !== rawLen) fail('damaged', `inflated ${payload.length}, declared ${rawLen}`);
  payload = new Uint8Array(payload);
  return { type, kind, docId, sender, heads, payload, chunks: checkChunks(payload) };
}

// ---- Pre-flight walk over the Automerge chunks ("Checking a payload") ----

const MAGIC = [0x85, 0x6f, 0x4a, 0x83];

function checkChunks(bytes) {
  const budget = { inflated: 0 };
  const summary = { documents: 0, changes: 0, largestColumn: 0 };
  const input = new Reader(bytes);
  if (input.done) fail('damaged', 'no Automerge chunk');
  while (!input.done) {
    if (!input.take(4).every((b, i) => b === MAGIC[i])) fail('damaged', 'not an Automerge chunk');
    input.take(4); // checksum: Automerge checks it
    const type = input.byte();
    const data = input.take(input.uleb());
    if (type === 0) {
      summary.documents++;
      documentChunk(new Reader(data), budget, summary);
    } else if (type === 1) {
      summary.changes++;
      changeChunk(new Reader(data), budget, summary);
    } else if (type === 2) {
      summary.changes++;
      changeChunk(new Reader(inflateCapped(data, budget)), budget, summary);
    } else {
      fail('damaged', `unsupported chunk type ${type}`);
    }
  }
  summary.inflated = budget.inflated;
  return summary;
}

function inflateCapped(data, budget) {
  const room = MAX_INFLATED - budget.inflated;
  let out;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1) });
  } catch (e) {
    if (e.code === 'ERR_BUFFER_TOO_LARGE') fail('unsafe', 'compressed data beyond the cap');
    fail('damaged', `inflate: ${e.code ?? e.message}`);
  }
  if (out.length > room) fail('unsafe', 'compressed data beyond the cap');
  budget.inflated += out.length;
  return new Uint8Array(out);
}

function skipStrings(r) {
  const n = r.uleb();
  for (let i = 0; i < n; i++) r.take(r.uleb());
}

function columnSpecs(r) {
  const n = r.uleb();
  if (n > r.remaining / 2) fail('damaged', 'more columns than bytes');
  const specs = [];
  for (let i = 0; i < n; i++) specs.push([r.uleb(), r.uleb()]);
  return specs;
}

function columns(specs, data, budget, summary) {
  const r = new Reader(data);
  for (const [spec, len] of specs) {
    let col = r.take(len);
    if (spec & 0b1000) col = inflateCapped(col, budget);
    const items = columnItems(spec & 0b111, col);
    if (items > MAX_COLUMN_ITEMS) fail('unsafe', `a column of ${items} values`);
    summary.largestColumn = Math.max(summary.largestColumn, items);
  }
}

function documentChunk(r, budget, summary) {
  skipStrings(r); // actors
  r.take(r.uleb() * 32); // heads
  const changeCols = columnSpecs(r);
  const opCols = columnSpecs(r);
  const changeData = r.take(changeCols.reduce((s, [, l]) => s + l, 0));
  const opData = r.take(opCols.reduce((s, [, l]) => s + l, 0));
  columns(changeCols, changeData, budget, summary);
  columns(opCols, opData, budget, summary);
  // What follows (head indexes) is Automerge's to read.
}

function changeChunk(r, budget, summary) {
  r.take(r.uleb() * 32); // dependencies
  r.take(r.uleb()); // actor
  r.uleb(); // sequence number
  r.uleb(); // start op
  r.sleb(); // time
  r.take(r.uleb()); // message
  skipStrings(r); // other actors
  const cols = columnSpecs(r);
  columns(cols, r.take(cols.reduce((s, [, l]) => s + l, 0)), budget, summary);
}

/** Values in one column, adding run lengths without expanding them. */
function columnItems(type, bytes) {
  const r = new Reader(bytes);
  let items = 0;
  if (type === 7) return 0; // raw values: sized by their metadata column
  if (type === 4) {
    while (!r.done) items += r.uleb(); // boolean: alternating run lengths
    return items;
  }
  const skip = () => (type === 3 ? r.sleb() : type === 5 ? r.take(r.uleb()) : r.uleb());
  while (!r.done) {
    const count = r.sleb();
    if (count > 0) {
      items += count;
      skip();
    } else if (count < 0) {
      if (-count > r.remaining) fail('damaged', 'literal run beyond the column');
      items += -count;
      for (let i = 0; i < -count; i++) skip();
    } else {
      items += r.uleb(); // nulls
    }
    if (items > MAX_COLUMN_ITEMS) return items;
  }
  return items;
}

// ---- The collaboration document, as the app shows it ----

// JavaScript Automerge 3 returns the document's plain strings as ImmutableString and its
// Text objects (problem, summary) as strings; String() reads both.
const str = (v) => (v == null ? v : String(v));

/** Items of an id-keyed map that are not deleted, oldest first. */
function live(map) {
  return Object.entries(map ?? {})
    .filter(([, v]) => v && typeof v === 'object' && v.gone !== true)
    .sort(([ia, a], [ib, b]) => Number(a.at ?? 0) - Number(b.at ?? 0) || (ia < ib ? -1 : ia > ib ? 1 : 0));
}

/** A map of strings with its keys sorted. */
function strings(map) {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, str(v)]).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function comments(doc) {
  return live(doc.comments).map(([, c]) => {
    const on = str(c.on) ?? ''; // "" = about the document as a whole
    return {
      by: str(c.by),
      on_idea: on === '' ? null : str(doc.ideas?.[on]?.text) ?? `unknown idea ${on}`,
      text: str(c.text),
    };
  });
}

function ideas(doc) {
  return live(doc.ideas).map(([, i]) => ({
    text: str(i.text),
    by: str(i.by),
    votes: Object.keys(i.votes ?? {}).length,
  }));
}

// ---- The checks ----

const { check, abort, finish } = checks('interop');
function expectError(code, fn) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShareError && e.code === code) return;
    throw new Error(`expected a "${code}" error, got ${e.message}`);
  }
  throw new Error(`expected a "${code}" error, got none`);
}

let fullUrl, replyUrl, expected;
try {
  fullUrl = readFileSync(join(DIR, 'full.txt'), 'utf8').trim();
  replyUrl = readFileSync(join(DIR, 'reply.txt'), 'utf8').trim();
  expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
} catch (e) {
  abort(`reading ${DIR} (run \`cargo test --test interop_link\` first): ${e.message}`);
}

let full, doc, reply, merged;

check('full link: the URL is the app address, "#" and a u1. fragment', () => {
  eq(fullUrl.slice(0, fullUrl.indexOf('#')), expected.app, 'app address');
  if (!fullUrl.includes('#u1.')) throw new Error('no #u1.');
});

check('full link: frame, CRC-32 and body decode', () => {
  full = decodeFrame(fragmentToFrame(fullUrl));
  eq(full.type, 0, 'payload type (0 = whole document)');
  eq(full.kind, expected.kind_code, 'kind byte');
  eq(full.sender, expected.sender_full, 'sender');
  if (full.heads.length < 1) throw new Error('no heads');
});

check('full link: the payload is one uncompressed Automerge document chunk within the caps', () => {
  eq(full.chunks.documents, 1, 'document chunks');
  eq(full.chunks.changes, 0, 'change chunks');
});

check('full link: Automerge.load reads the document', () => {
  doc = Automerge.load(full.payload);
  const f = expected.full;
  if (!Automerge.isImmutableString(doc.kind)) throw new Error('kind is not a plain string');
  if (typeof doc.problem !== 'string') throw new Error('problem is not Text');
  if (typeof doc.schema !== 'bigint') throw new Error('schema is not an unsigned integer');
  eq(
    [str(doc.kind), Number(doc.schema), str(doc.title), str(doc.owner), doc.created, doc.problem],
    [f.kind, f.schema, f.title, f.owner, f.created, f.problem],
    'root fields',
  );
});

check('full link: the frame\'s document id and heads match the document', () => {
  eq(str(doc.id), full.docId, 'doc id');
  eq([...Automerge.getHeads(doc)].sort(), [...full.heads].sort(), 'heads');
});

check('full link: people, comments (deleted ones skipped) and idea votes', () => {
  eq(strings(doc.people), strings(expected.full.people), 'people');
  eq(comments(doc), expected.full.comments, 'comments');
  eq(ideas(doc), expected.full.ideas, 'ideas');
});

check('reply link: frame decodes as change chunks for the same document', () => {
  reply = decodeFrame(fragmentToFrame(replyUrl));
  eq(reply.type, 1, 'payload type (1 = changes)');
  eq(reply.kind, expected.kind_code, 'kind byte');
  eq(reply.docId, full.docId, 'doc id');
  eq(reply.sender, expected.sender_reply, 'sender');
  eq(reply.chunks.documents, 0, 'document chunks');
  if (reply.chunks.changes < 1) throw new Error('no change chunk');
});

check('reply link: Automerge.loadIncremental applies it; the 2 new comments appear', () => {
  merged = Automerge.loadIncremental(Automerge.clone(doc), reply.payload);
  eq(Automerge.getMissingDeps(merged, []), [], 'missing dependencies');
  eq([...Automerge.getHeads(merged)].sort(), [...reply.heads].sort(), 'heads after the reply');
  eq(strings(merged.people), strings(expected.after_reply.people), 'people');
  eq(comments(merged), expected.after_reply.comments, 'comments');
  eq(ideas(merged), expected.full.ideas, 'ideas unchanged');
});

check('reply link: without the document it leaves dependencies missing', () => {
  const alone = Automerge.loadIncremental(Automerge.init(), reply.payload);
  if (Automerge.getMissingDeps(alone, []).length === 0) throw new Error('no missing dependency');
});

check('a link with one character changed fails the CRC check', () => {
  const hash = fullUrl.indexOf('#u1.') + 4;
  const at = hash + Math.floor((fullUrl.length - hash) / 2);
  const tampered = fullUrl.slice(0, at) + (fullUrl[at] === 'A' ? 'B' : 'A') + fullUrl.slice(at + 1);
  expectError('crc', () => decodeFrame(fragmentToFrame(tampered)));
});

check('a link cut in half is incomplete; a wrapped one still opens', () => {
  expectError('incomplete', () => decodeFrame(fragmentToFrame(fullUrl.slice(0, fullUrl.length / 2))));
  const at = fullUrl.indexOf('#') + 40;
  const wrapped = `${fullUrl.slice(0, at)}\n  ${fullUrl.slice(at)}`;
  eq(hex(decodeFrame(fragmentToFrame(wrapped)).payload), hex(full.payload), 'payload');
});

check('the pre-flight walk accepts Automerge\'s save() with deflated columns, and its change chunks', () => {
  // Long enough that save() deflates columns.
  const big = Automerge.change(Automerge.clone(merged), (d) => {
    d.summary = 'Long enough to make Automerge compress. '.repeat(300);
  });
  const saved = checkChunks(Automerge.save(big));
  eq([saved.documents, saved.changes], [1, 0], 'chunks in save()');
  if (saved.inflated === 0) throw new Error('save() had no compressed column to inflate');
  const all = Automerge.getAllChanges(big);
  const walked = checkChunks(new Uint8Array(Buffer.concat(all)));
  eq([walked.documents, walked.changes], [0, all.length], 'chunks in getAllChanges()');
});

check('the pre-flight walk refuses a 7-byte column claiming a trillion operations', () => {
  const uleb = (n) => {
    const out = [];
    do {
      const b = n % 128;
      n = Math.floor(n / 128);
      out.push(n ? b | 0x80 : b);
    } while (n);
    return out;
  };
  // One change chunk whose action column (id 4, uleb type 2) is one run of 10^12.
  const column = [...uleb(1e12), 1];
  const data = [0, 16, ...Array(16).fill(7), 1, 1, 0, 0, 0, 1, ...uleb((4 << 4) | 2), ...uleb(column.length), ...column];
  const chunk = new Uint8Array([...MAGIC, 0, 0, 0, 0, 1, ...uleb(data.length), ...data]);
  expectError('unsafe', () => checkChunks(chunk));
});

finish();
