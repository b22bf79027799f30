// Shared helpers for the browser tests: a static file server on 127.0.0.1 for the built
// site, and Debian's Chromium launched through playwright-core (never a downloaded browser).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".json": "application/json", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json",
};

export const SITE_DIR = process.env.TRIALMATCH_SITE || path.resolve("build/wasm/site");
export const ARTIFACTS_DIR = path.resolve(process.env.TRIALMATCH_ARTIFACTS || "test-results");

// Serves `root` (plus optional extra files by URL path) on an ephemeral loopback port.
export async function serve(root = SITE_DIR, extra = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = decodeURIComponent(url.pathname);
    if (extra[file] !== undefined) {
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(extra[file]);
      return;
    }
    if (file.endsWith("/")) file += "index.html";
    const full = path.join(root, path.normalize(file));
    if (!full.startsWith(root) || !fs.existsSync(full) || fs.statSync(full).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(full)] || "application/octet-stream" });
    fs.createReadStream(full).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader"],
  });
}

// Waits until the app shows `screen` (loading / error / question ...) and returns what it shows.
export async function waitForScreen(page, screen, timeout = 20000) {
  await page.waitForFunction(
    (s) => window.trialmatch && window.trialmatch.ready && window.trialmatch.describe().screen === s,
    screen, { timeout });
  return page.evaluate(() => window.trialmatch.describe());
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  // Let the last queued frames draw first.
  await page.waitForFunction(() => window.trialmatch.pendingFrames() === 0, null, { timeout: 10000 });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
