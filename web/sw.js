// Service worker: keeps the prescreener working with no network (clinic kiosks with poor
// Wi-Fi). It only ever fetches and keeps the app's own files and study files; it sees no
// answers (they never leave the page's memory). Network first, so a new version is picked up when online; the cached
// copy when offline.
"use strict";

const CACHE = "trialmatch-v2";
const APP_FILES = [
  "index.html", "boot.js", "lifecycle.js", "host.js", "deploy-config.json", "mirror.js", "print.js", "style.css", "icon.svg",
  "manifest.webmanifest",
  "app.js", "app.wasm", "trials/NCT04979910.json",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(APP_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

// The cache keeps only the app's own files, study files (trials/NAME.json) and catalogs
// (catalogs/NAME.json), each under its plain address (not the ZIP code table: kept, it would
// tell the next person at a shared screen that someone asked for distances): never a query (a page's address can
// carry ?host=, ?trial=, ?catalog=, ?lang=),
// never any other file of the site, never a response that failed.
function cacheKey(request) {
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return null;
  const name = url.pathname.slice(scope.pathname.length);
  if (request.mode === "navigate" && (name === "" || name === "index.html")) return new URL("index.html", scope).href;
  const studyFile = /^(trials|catalogs)\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/.test(name);
  if (APP_FILES.includes(name) || studyFile) return new URL(name, scope).href;
  return null;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const key = cacheKey(request);
  if (!key) return;  // not the app's: the browser fetches it as usual, and nothing is kept
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === "basic") {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(key, copy));
        }
        return response;
      })
      .catch(() => caches.match(key).then((cached) => cached || Response.error())));
});
