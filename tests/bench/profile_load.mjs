// Where the app's first screen spends its time: a CPU profile (V8's sampling profiler, every
// 100 µs) of loading the seed study in headless Chromium, from navigation to the first screen
// a person can act on, cache off, repeated and summed. A benchmark tool, not a test:
//   node tests/bench/profile_load.mjs build/wasm/site [LOADS]
// Prints the share of sampled time by kind of work, and the functions that take the most.
import path from "node:path";
import { serve, launchBrowser } from "../e2e/support.mjs";

const siteDir = path.resolve(process.argv[2] || "build/wasm/site");
const loads = Number(process.argv[3] || 5);
// The Start button in the accessibility mirror: cheap to poll (see bench.mjs).
const READY = "document.querySelector('#a11y button[data-id=\"start\"]') !== null";
const WEBGL = /^(getContext|getParameter|getExtension|getSupportedExtensions|createShader|shaderSource|compileShader|getShaderParameter|createProgram|attachShader|linkProgram|getProgramParameter|getUniformLocation|getAttribLocation|createBuffer|bindBuffer|bufferData|bufferSubData|createTexture|bindTexture|texImage2D|texParameteri|pixelStorei|createVertexArray|bindVertexArray|vertexAttribPointer|enableVertexAttribArray|useProgram|uniform\w*|viewport|scissor|enable|disable|blendEquation|blendFuncSeparate|clearColor|clear|drawElements|activeTexture|deleteShader|detachShader)$/;

function kind(node) {
  const { functionName: name, url } = node.callFrame;
  if (name === "(idle)") return "idle";
  if (name === "(program)") return "browser (not JavaScript: parsing, compiling, layout, GPU process waits)";
  if (name === "(garbage collector)") return "garbage collection";
  if (!url && WEBGL.test(name)) return "WebGL calls";
  if (url.endsWith(".wasm") || /^\$|^wasm-function/.test(name) || url.startsWith("wasm://")) return "WebAssembly";
  if (!url) return `browser built-ins (${name || "anonymous"})`.startsWith("browser built-ins (instantiate") ? "WebAssembly compile and instantiate" : "browser built-ins";
  return `JavaScript: ${path.basename(new URL(url).pathname) || "index.html"}`;
}

const server = await serve(siteDir);
const browser = await launchBrowser();
const byKind = new Map(), byFunction = new Map();
let total = 0, readyTotal = 0;
for (let i = 0; i < loads; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await tab.addInitScript(`(() => { const poll = setInterval(() => { try { if (${READY}) { window.__readyAt = performance.now(); clearInterval(poll); } } catch (e) {} }, 4); })()`);
  await cdp.send("Profiler.start");
  await tab.goto(server.url + "/?lang=en");
  await tab.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30000, polling: 20 });
  const { profile } = await cdp.send("Profiler.stop");
  readyTotal += await tab.evaluate(() => window.__readyAt);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  for (let s = 0; s < profile.samples.length; s++) {
    const node = nodes.get(profile.samples[s]);
    const t = (dt[s + 1] ?? 0) / 1000;  // ms until the next sample
    const k = kind(node);
    byKind.set(k, (byKind.get(k) || 0) + t);
    const f = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url ? path.basename(node.callFrame.url) : ""}`.trim();
    if (k !== "idle") byFunction.set(f, (byFunction.get(f) || 0) + t);
    total += t;
  }
  await context.close();
}
await browser.close();
await server.close();

const busy = total - (byKind.get("idle") || 0);
console.log(`${loads} loads of the seed study, cache off: first screen ready after ${(readyTotal / loads).toFixed(0)} ms on average; ` +
            `${(busy / loads).toFixed(0)} ms of main-thread samples that were not idle, per load.\n`);
console.log("| kind of work | ms per load | share of busy time |\n|---|---:|---:|");
for (const [k, t] of [...byKind].filter(([k]) => k !== "idle").sort((a, b) => b[1] - a[1]))
  console.log(`| ${k} | ${(t / loads).toFixed(1)} | ${((100 * t) / busy).toFixed(0)}% |`);
console.log("\nThe functions that take the most (self time, ms per load):\n");
for (const [f, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`- ${f}: ${(t / loads).toFixed(1)}`);
