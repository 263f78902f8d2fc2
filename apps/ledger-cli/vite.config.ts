// Bundles the `calltrail` command into dist/calltrail.js: Node, ESM, our libraries inlined,
// every npm dependency left external (installed by `npm ci`), SWC for NestJS decorator metadata.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { swcPlugin, workspaceAliases } from '../../vitest.shared';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const aliases = Object.entries(workspaceAliases())
  .sort(([a], [b]) => b.length - a.length)
  .map(([find, replacement]) => ({ find, replacement }));

function isExternal(id: string): boolean {
  if (id.startsWith('node:') || builtinModules.includes(id)) return true;
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('@calltrail/') || id.startsWith('\0')) return false;
  return completedSubpath(id) === null;
}

const require = createRequire(import.meta.url);

/**
 * `import 'ajv/dist/2020'` works in Vite but not in Node's ESM loader, which wants the file
 * extension for a package without an `exports` map: such an import gets its `.js` and stays external.
 */
function completedSubpath(id: string): string | null {
  const match = /^((?:@[^/]+\/)?[^/.][^/]*)\/(.+)$/.exec(id);
  if (!match || id.startsWith('@calltrail/') || extname(match[2]!) !== '') return null;
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${match[1]}/package.json`);
  } catch {
    return null;
  }
  if (JSON.parse(readFileSync(manifestPath, 'utf8')).exports) return null;
  return existsSync(join(dirname(manifestPath), `${match[2]}.js`)) ? `${id}.js` : null;
}

function completeExternalSubpaths(): Plugin {
  return {
    name: 'calltrail:complete-external-subpaths',
    enforce: 'pre',
    resolveId(id) {
      const completed = completedSubpath(id);
      return completed ? { id: completed, external: true } : null;
    },
  };
}

export default defineConfig({
  root: workspaceRoot,
  plugins: [completeExternalSubpaths(), swcPlugin()],
  resolve: { alias: aliases },
  logLevel: 'warn',
  build: {
    ssr: resolve(workspaceRoot, 'apps/ledger-cli/src/main.ts'),
    outDir: resolve(workspaceRoot, 'dist'),
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external: isExternal,
      // A fixed chunk name (main.ts imports the command dynamically): each build overwrites it
      // instead of leaving a new hashed file beside the last (emptyOutDir is off).
      output: { format: 'esm', entryFileNames: 'calltrail.js', chunkFileNames: 'calltrail-[name].js', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { target: 'node', noExternal: [/^@calltrail\//] },
});
