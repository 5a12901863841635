// Timing script (a benchmark, not a test) for what one sync server holds: 200 clients
// built on automerge-repo (its WebSocket client adapter), on 50 documents (4 clients
// each), each client editing its document once a second for 60 s, all on 127.0.0.1.
// Reports the edits delivered (each to the 3 other clients of its document), delivery
// latency (p50/p95, from the edit to another client's change event), and the server's
// memory (resident set, from /proc).
//   node tests/perf/sync_load.mjs [seconds=60] [clients=200] [documents=50]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Repo } from '@automerge/automerge-repo';
import { BrowserWebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import { root, median } from './harness.mjs';

const [seconds = 60, clients = 200, documents = 50] = process.argv.slice(2).map(Number);
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'unhurried-load-'));
const server = spawn('node', ['scripts/sync-server.mjs', '0', data], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim().replace('listening on ', ''))));
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024;
// CPU seconds the server has used (user + system, from /proc), to tell whether the server
// or this simulator (on the same cores) is what runs out.
const serverCpu = () => {
  const fields = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const ownCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

const repos = Array.from({ length: clients }, () => new Repo({ network: [new BrowserWebSocketClientAdapter(url)] }));
// One client of each document creates it; the others open it by its URL.
const handles = [];
for (let d = 0; d < documents; d++) {
  const h = repos[d].create({ edits: {} });
  handles[d] = h;
}
const opened = await Promise.all(repos.map((r, i) => (i < documents ? handles[i] : r.find(handles[i % documents].url))));
const latencies = [];
let delivered = 0;
let made = 0;
opened.forEach((h, i) => {
  const seen = new Set();
  h.on('change', ({ doc }) => {
    const now = Date.now();
    for (const [key, at] of Object.entries(doc.edits)) {
      if (seen.has(key)) continue;
      seen.add(key);
      if (!key.startsWith(`c${i}-`)) { delivered++; latencies.push(now - at); }
    }
  });
});
const baseRss = rss();
const started = Date.now();
const cpu0 = [serverCpu(), ownCpu()];
let n = 0;
const timer = setInterval(() => {
  n++;
  opened.forEach((h, i) => { h.change((d) => { d.edits[`c${i}-${n}`] = Date.now(); }); made++; });
}, 1000);
await new Promise((r) => setTimeout(r, seconds * 1000));
clearInterval(timer);
const peakRss = rss();
const wall = (Date.now() - started) / 1000;
const cpu = [(serverCpu() - cpu0[0]) / wall, (ownCpu() - cpu0[1]) / wall];
await new Promise((r) => setTimeout(r, 2000));
const expected = made * (clients / documents - 1);
const sorted = latencies.sort((a, b) => a - b);
console.log(`sync server load: ${clients} clients on ${documents} documents, ${seconds} s, 1 edit a second each`);
console.log(`  edits made ${made}; deliveries ${delivered} of ${expected} (${(100 * delivered / expected).toFixed(1)}%)`);
console.log(`  latency p50 ${median(sorted)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]} ms`);
console.log(`  server resident memory: ${baseRss.toFixed(0)} MB at the start, ${peakRss.toFixed(0)} MB at the end (${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`  CPU over the run: the server ${(100 * cpu[0]).toFixed(0)}% of a core, the simulated clients ${(100 * cpu[1]).toFixed(0)}% (${os.cpus().length} cores)`);
server.kill('SIGTERM');
fs.rmSync(data, { recursive: true, force: true });
process.exit(0);
