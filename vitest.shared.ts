// One vitest configuration for every project: SWC compiles the TypeScript so that
// NestJS gets the decorator metadata its dependency injection reads.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const workspaceRoot = dirname(fileURLToPath(import.meta.url));

/** The `@calltrail/*` aliases, read from tsconfig.base.json so there is one list. */
export function workspaceAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  const paths: Record<string, string[]> = tsconfig.compilerOptions.paths;
  return Object.fromEntries(
    Object.entries(paths).map(([alias, [target]]) => [alias, resolve(workspaceRoot, target!)]),
  );
}

export function swcPlugin() {
  return swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  });
}

export function projectConfig(projectDir: string, overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  // Longest alias first, so `@calltrail/event-store/contract` wins over `@calltrail/event-store`.
  const aliases = Object.entries(workspaceAliases())
    .sort(([a], [b]) => b.length - a.length)
    .map(([find, replacement]): { find: string | RegExp; replacement: string } => ({ find, replacement }));
  // One graphql module: Nest loads graphql's CommonJS build through Node, while Vite would pick its
  // ESM build for our files; two copies refuse each other's types ("from another module or realm").
  aliases.push({ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') });
  return defineConfig({
    root: projectDir,
    plugins: [swcPlugin()],
    resolve: { alias: aliases },
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
      environment: 'node',
      testTimeout: 60_000,
      hookTimeout: 60_000,
      watch: false,
      ...overrides,
    },
  });
}
