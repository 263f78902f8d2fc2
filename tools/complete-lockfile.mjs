// The npm registry mirror on our machines serves only the linux-x64 builds of packages that ship
// per-platform binaries (@swc/core-*, @rollup/rollup-*, @esbuild/*, @nx/nx-*…). npm then writes a
// package-lock.json without entries for the other platforms, and `npm ci` refuses such a lockfile
// ("Missing: @swc/core-darwin-arm64@ from lock file"). This script adds the missing entries as
// optional packages, with the version their parent asks for, so `npm ci` accepts the lockfile and
// skips them on this platform as it would with a lockfile made against the full registry.
// Run after every `npm install`: `node tools/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = { version: range.replace(/^[\^~=]/, ''), optional: true };
    added += 1;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
