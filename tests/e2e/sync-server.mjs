// Starting and stopping the real sync server (scripts/sync-server.mjs) from the live-sync
// tests and the timing script.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Starts the sync server on `port` (0: a free one) with `dir` as its data folder:
 *  { proc, url, port }. */
export async function startServer(dir, port = 0) {
  const proc = spawn(process.execPath, [path.join(root, 'scripts/sync-server.mjs'), String(port), dir], {
    cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (ws:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`the sync server stopped (${code}): ${out}`)));
  });
  return { proc, url, port: Number(new URL(url).port) };
}

/** Stops it (SIGKILL: as a crash would) and waits until it has gone. */
export async function stopServer(server, signal = 'SIGTERM') {
  if (server.proc.exitCode !== null || server.proc.signalCode !== null) return;
  const exited = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill(signal);
  await exited;
}
