// Unhurried service worker. No dependencies, no build step of its own:
// scripts/postbuild.mjs rewrites the two placeholder lines below with the
// staged file list and a build id, so every build gets its own cache and the
// browser sees a byte-different sw.js, which is what triggers an update.
self.__PRECACHE = [];
self.__BUILD = "dev";

const CACHE_PREFIX = "unhurried-";
const CACHE = CACHE_PREFIX + self.__BUILD;
const SHELL = "/index.html";
const NAVIGATION_TIMEOUT_MS = 3000;
const TIMED_OUT = Symbol("timed out");

const PRECACHE = Array.from(new Set(["/", SHELL, ...self.__PRECACHE]));
const PRECACHED = new Set(self.__PRECACHE);

// Trunk names build outputs `<stem>-<hex seahash>` (`unhurried-8f3a….js`,
// `unhurried-8f3a…_bg.wasm`, `main-….css`) and postbuild adds `boot-<hash>.js`.
// The name changes whenever the content does, so such a URL can never go stale.
// The hash is an unpadded u64 in hex, hence a range rather than exactly 16.
const HASHED_NAME = /-[0-9a-f]{12,16}(?:_bg)?\.[a-z0-9]+$/;

self.addEventListener("install", (event) => {
  // `cache: "reload"` skips the HTTP cache: unhashed files such as the icons
  // are served with a long max-age, and a new build must not pick up the
  // previous build's copies. No skipWaiting here: the open tabs run the old
  // build's JS and wasm, and swapping the cache under them would mix builds.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))),
      ),
  );
});

self.addEventListener("message", (event) => {
  // The page asks for this once the user agrees to reload into the new build.
  if (event.data && event.data.type === "SKIP_WAITING") {
    self.skipWaiting();
  }
});

self.addEventListener("activate", (event) => {
  // Only our own caches: anything else on the origin is not ours to delete.
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // Cross-origin responses are opaque or belong to someone else's cache policy.
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
  } else if (PRECACHED.has(url.pathname) || HASHED_NAME.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});

// Only complete, same-origin, successful answers are worth keeping offline.
function cacheable(response) {
  return response && response.ok && response.type === "basic" && response.status === 200;
}

// Every route of the single-page app is the same index.html, so one cached
// copy serves /, /tasks, /decisions… offline. The network goes first so a new
// deploy is seen on the next visit, but a slow network must not keep the user
// waiting longer than the timeout when a usable copy is already on disk.
async function navigate(event) {
  // Everything up to the first await runs during event dispatch, where
  // waitUntil is always allowed.
  const network = fetch(event.request).then((response) => {
    if (cacheable(response) && isHtml(response)) {
      const copy = response.clone();
      // Outlives respondWith, so a late answer still refreshes the shell.
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(SHELL, copy)));
    }
    return response;
  });
  // Keep the worker alive until the network settles, even after a timeout.
  event.waitUntil(network.catch(() => undefined));

  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, NAVIGATION_TIMEOUT_MS, TIMED_OUT);
  });
  try {
    const first = await Promise.race([network, timeout]);
    if (first !== TIMED_OUT) return first;
    // With nothing cached, a slow network is still better than no page.
    return (await shell()) || (await network);
  } catch (err) {
    const cached = await shell();
    if (cached) return cached;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function shell() {
  const cache = await caches.open(CACHE);
  return (await cache.match(SHELL)) || (await cache.match("/"));
}

function isHtml(response) {
  return (response.headers.get("content-type") || "").includes("text/html");
}

// A hashed or precached file in this build's cache is exactly what the build
// shipped; the network is only needed if install missed it (e.g. a file
// requested by a page from a newer build while this worker is still active).
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (cacheable(response)) await cache.put(request, response.clone());
  return response;
}

// Unhashed files may change without their URL changing, so prefer fresh ones
// and keep the last good copy for when the network is gone.
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (cacheable(response)) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw err;
  }
}

// A reminder's notification opens the app's reminder list, in an open window if any.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((list) => {
      for (const client of list) {
        if ("focus" in client) return client.focus();
      }
      return self.clients.openWindow("/reminders");
    })
  );
});
