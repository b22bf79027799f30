// Service worker: keeps the prescreener working with no network (clinic kiosks with poor
// Wi-Fi). It only ever fetches the site's own files; it sees no answers (they never leave
// the page's memory). Network first, so a new version is picked up when online; the cached
// copy when offline.
"use strict";

const CACHE = "trialmatch-v2";
const APP_FILES = [
  "index.html", "boot.js", "lifecycle.js", "host.js", "deploy-config.json", "mirror.js", "style.css", "icon.svg", "manifest.webmanifest",
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

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(request, { ignoreSearch: request.mode === "navigate" })
          .then((cached) => cached || Response.error())));
});
