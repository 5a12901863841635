// Captures, once, the bytes automerge-repo 2.5.6 puts on the wire for each message type
// of its network protocol (version 1), encoded by its own CBOR encoder, into a fixture
// the Rust decoder is tested against (`tests/sync_interop.rs`). Never touches an
// existing fixture.
//   node tests/interop/repo_messages.mjs
import fs from 'node:fs';
import { cbor } from '@automerge/automerge-repo';

const out = 'tests/fixtures/2026-12-02-repo-messages.txt';
if (fs.existsSync(out)) { console.log(`${out} exists; left as it is`); process.exit(0); }
// A 16-byte document id (bytes 0..15), bs58check-encoded as automerge-repo does.
const documentId = '1Bhh3pU9gLXZiNDL6PEa1Gs9fh';
const data = new Uint8Array([0x42, 1, 2, 3]);
const messages = {
  join: { type: 'join', senderId: 'tab-1', peerMetadata: { storageId: 'st-1', isEphemeral: false }, supportedProtocolVersions: ['1'] },
  peer: { type: 'peer', senderId: 'server', peerMetadata: { storageId: 'st-2', isEphemeral: false }, selectedProtocolVersion: '1', targetId: 'tab-1' },
  request: { type: 'request', senderId: 'tab-1', targetId: 'server', documentId, data },
  sync: { type: 'sync', senderId: 'server', targetId: 'tab-1', documentId, data },
  unavailable: { type: 'doc-unavailable', senderId: 'server', targetId: 'tab-1', documentId },
  ephemeral: { type: 'ephemeral', senderId: 'tab-1', targetId: 'server', documentId, data, count: 7, sessionId: 'sess-1' },
  error: { type: 'error', senderId: 'server', message: 'unsupported protocol version', targetId: 'tab-1' },
  heads: { type: 'remote-heads-changed', senderId: 'server', targetId: 'tab-1', documentId, newHeads: {} },
};
const lines = Object.entries(messages).map(([name, m]) => `${name} ${Buffer.from(cbor.encode(m)).toString('hex')}`);
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${out}`);
