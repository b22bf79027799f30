// The headers a deployment sends come from one source (deploy/headers.json): the shipped
// server configs agree with it, build-scripts/run.sh's server sends exactly it, and so does
// these tests' server. The app runs under them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import zlib from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SITE_DIR, serve, siteHeaders, launchBrowser, waitForScreen } from "./support.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let runServer, runUrl, testServer, browser;

before(async () => {
  runServer = spawn("python3", [path.join(ROOT, "build-scripts/serve.py"), SITE_DIR, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  runUrl = await new Promise((resolve, reject) => {
    runServer.stdout.once("data", (d) => resolve(String(d).trim().replace(/\/$/, "")));
    runServer.once("exit", (code) => reject(new Error("serve.py exited " + code)));
  });
  testServer = await serve();
  browser = await launchBrowser();
});
after(async () => {
  runServer?.kill();
  await testServer?.close();
  await browser?.close();
});

test("every shipped server config, and the page's meta CSP, agree with deploy/headers.json", () => {
  const run = spawnSync("python3", [path.join(ROOT, "build-scripts/site_headers.py"), "check"], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const expected = siteHeaders(fs.readFileSync(path.join(ROOT, "web/deploy-config.json"), "utf8"));
  const csp = expected.the_page["Content-Security-Policy"];
  assert.match(csp, /frame-ancestors 'self'/);
  // The share's confirmation window may be framed by no page at all.
  const windowCsp = expected.the_window["Content-Security-Policy"];
  assert.match(windowCsp, /frame-ancestors 'none'$/);
  for (const file of ["deploy/nginx.conf", "deploy/apache.htaccess", "deploy/Caddyfile", "web/_headers"]) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    assert.match(text, /confirm\\?\.html/, `${file} names the confirmation window`);
    for (const value of [csp, windowCsp, "no-store", "nosniff", "no-referrer", expected.every_file["Permissions-Policy"]])
      assert.ok(text.includes(value), `${file} sends ${value}`);
  }
});

test("run.sh's server and the tests' server send the deployment's headers", async () => {
  const expected = siteHeaders(fs.readFileSync(path.join(SITE_DIR, "deploy-config.json"), "utf8"));
  for (const base of [runUrl, testServer.url]) {
    for (const [file, kind] of [["/", "page"], ["/index.html", "page"], ["/?mode=kiosk&lang=es", "page"], ["/app.wasm", ""],
                                ["/trials/NCT04979910.json", ""], ["/confirm.html", "window"]]) {
      const response = await fetch(base + file);
      assert.equal(response.status, 200, base + file);
      const want = { ...expected.every_file, ...(kind === "page" ? expected.the_page : kind === "window" ? expected.the_window : {}) };
      const isPage = kind !== "";
      for (const [name, value] of Object.entries(want)) assert.equal(response.headers.get(name), value, `${base}${file} ${name}`);
      if (!isPage) assert.equal(response.headers.get("content-security-policy"), null);
      if (file === "/app.wasm") assert.equal(response.headers.get("content-type"), "application/wasm");
    }
  }
});

// Issue 24: the page's headers were matched on the raw path, so /%69ndex.html came without
// frame-ancestors and could be framed by any page. Asked plainly over HTTP (fetch would
// normalise some of these spellings before sending them).
test("every spelling of the page's path gets the page's headers, and no folder is listed", async () => {
  const expected = siteHeaders(fs.readFileSync(path.join(SITE_DIR, "deploy-config.json"), "utf8"));
  for (const base of [runUrl, testServer.url]) {
    for (const spelling of ["/%69ndex.html", "/index%2ehtml", "//index.html", "/./index.html", "/trials/../index.html",
                            "/trials/%2e%2e/index.html", "/%2e/index.html", "/index.html?x=1"]) {
      const response = await rawGet(base + spelling, {});
      assert.equal(response.statusCode, 200, `${base}${spelling}`);
      for (const [name, value] of Object.entries({ ...expected.every_file, ...expected.the_page }))
        assert.equal(response.headers[name.toLowerCase()], value, `${base}${spelling} ${name}`);
    }
    for (const spelling of ["/%63onfirm.html", "//confirm.html", "/trials/../confirm.html", "/confirm%2ehtml"]) {
      const response = await rawGet(base + spelling, {});
      assert.equal(response.statusCode, 200, `${base}${spelling}`);
      for (const [name, value] of Object.entries({ ...expected.every_file, ...expected.the_window }))
        assert.equal(response.headers[name.toLowerCase()], value, `${base}${spelling} ${name}`);
    }
    for (const folder of ["/trials/", "/catalogs/", "/places/"]) {
      const response = await rawGet(base + folder, {});
      assert.equal(response.statusCode, 404, `${base}${folder} is not listed`);
    }
  }
});

// The raw bytes and headers of a response, without the decompression fetch() does. The path
// after the origin is sent exactly as written (no URL parser removes its dot segments).
function rawGet(url, headers) {
  const origin = new URL(url).origin;
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path: url.slice(origin.length), headers }, (response) => {
      const chunks = [];
      response.on("data", (c) => chunks.push(c));
      response.on("end", () => resolve({ statusCode: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

test("run.sh's server sends the app and the study files compressed, as the shipped configs do", async () => {
  for (const file of ["/app.wasm", "/app.js", "/trials/NCT04979910.json", "/catalogs/depression.json", "/places/us-zips.txt", "/"]) {
    const onDisk = fs.readFileSync(path.join(SITE_DIR, file === "/" ? "index.html" : file));
    const zipped = await rawGet(runUrl + file, { "Accept-Encoding": "gzip, deflate, br" });
    assert.equal(zipped.headers["content-encoding"], "gzip", file);
    assert.match(zipped.headers["vary"] || "", /Accept-Encoding/, file);
    assert.ok(zipped.body.length < onDisk.length * 0.6, `${file}: ${zipped.body.length} bytes sent for ${onDisk.length}`);
    assert.ok(zlib.gunzipSync(zipped.body).equals(onDisk), `${file} arrives unchanged`);
    const plain = await rawGet(runUrl + file, {});
    assert.equal(plain.headers["content-encoding"], undefined, `${file} without Accept-Encoding`);
    assert.ok(plain.body.equals(onDisk), `${file} is sent as is to a client that does not accept gzip`);
  }
});

test("the app works under those headers, and the page itself is sent with no-store", async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => { if (/Content Security Policy|Permissions-Policy/i.test(m.text())) problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  const response = await page.goto(runUrl + "/?lang=en");
  assert.equal(response.headers()["cache-control"], "no-store");
  await waitForScreen(page, "welcome");
  assert.deepEqual(problems, []);
  await page.close();
});
