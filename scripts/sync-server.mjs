// The sync server a team runs for live sync: automerge-repo's own engine, the same few
// lines as `@automerge/automerge-repo-sync-server` but over automerge-repo 2.5.6 (the
// published server, 0.2.8, still depends on automerge-repo 1.x). It keeps every document
// it is sent in DATA_DIR and passes changes between the peers that have a document open;
// `sharePolicy` false, so a peer gets a document only by asking for its id.
//   node scripts/sync-server.mjs [port] [data-dir] [host]
// Port 0 picks a free port; the first line printed says which.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { WebSocketServer } from 'ws';
import { Repo } from '@automerge/automerge-repo';
import { NodeWSServerAdapter } from '@automerge/automerge-repo-network-websocket';
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs';

const port = Number(process.argv[2] ?? process.env.PORT ?? 3030);
const dir = process.argv[3] ?? process.env.DATA_DIR ?? '.amrg';
const host = process.argv[4] ?? process.env.HOST ?? '127.0.0.1';
fs.mkdirSync(dir, { recursive: true });

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('Unhurried sync server: automerge-repo 2.5.6\n');
});
const sockets = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
});
const adapter = new NodeWSServerAdapter(sockets);
const repo = new Repo({
  network: [adapter],
  storage: new NodeFSStorageAdapter(dir),
  peerId: `sync-server-${os.hostname()}`,
  sharePolicy: async () => false,
});
// The repo hands the adapter its peer id once its storage is open. A socket accepted
// before then would have nobody reading it (and be dropped at the first keep-alive), so
// the port opens only after.
while (adapter.peerId === undefined) await new Promise((r) => setTimeout(r, 10));
server.listen(port, host, () => {
  console.log(`listening on ws://${host}:${server.address().port}`);
});
const stop = () => {
  sockets.close();
  server.close();
  repo.shutdown?.().finally(() => process.exit(0)) ?? process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
