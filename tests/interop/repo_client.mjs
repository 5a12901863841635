// A teammate's tool built on automerge-repo itself: opens a discussion the app put on a
// sync server, by its automerge: URL, prints its title, problem statement and comments
// as JSON, and adds a comment the way the app writes one (share-format §10).
//   node tests/interop/repo_client.mjs <ws-url> <automerge-url> <comment>
import { Repo } from '@automerge/automerge-repo';
import { BrowserWebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import * as A from '@automerge/automerge';

const [server, url, text] = process.argv.slice(2);
const PERSON = '0123456789abcdef0123456789abcdef';
const fail = (why) => { console.error(why); process.exit(1); };
setTimeout(() => fail('timed out'), 30_000);

const repo = new Repo({ network: [new BrowserWebSocketClientAdapter(server)] });
const handle = await repo.find(url);
const doc = handle.doc();
const comments = Object.values(doc.comments ?? {}).filter((c) => !c.gone).map((c) => String(c.text));
console.log(JSON.stringify({ kind: String(doc.kind), title: String(doc.title), problem: String(doc.problem), comments }));
const id = [...crypto.getRandomValues(new Uint8Array(6))].map((b) => b.toString(16).padStart(2, '0')).join('');
handle.change((d) => {
  d.people[PERSON] = new A.ImmutableString('Node');
  d.comments[id] = { by: new A.ImmutableString(PERSON), at: new A.Int(Date.now()), text: new A.ImmutableString(text) };
});
// Stays connected until the test has seen the comment arrive and stops this process.
setInterval(() => {}, 1_000);
