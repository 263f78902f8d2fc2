import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import swc from '@swc/core';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
const paths = JSON.parse(readFileSync(resolvePath(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths;
// Longest alias first, so `@calltrail/event-store/contract` wins over `@calltrail/event-store`.
const aliases = Object.entries(paths)
  .map(([alias, [target]]) => [alias, resolvePath(root, target)])
  .sort(([a], [b]) => b.length - a.length);

function tsFile(path) {
  for (const candidate of [path, `${path}.ts`, resolvePath(path, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return null;
}

export async function resolve(specifier, context, next) {
  const alias = aliases.find(([name]) => specifier === name);
  if (alias) return { url: pathToFileURL(alias[1]).href, shortCircuit: true };
  const fromTs = context.parentURL?.endsWith('.ts');
  if (fromTs && (specifier.startsWith('./') || specifier.startsWith('../'))) {
    const file = tsFile(resolvePath(dirname(fileURLToPath(context.parentURL)), specifier));
    if (file) return { url: pathToFileURL(file).href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  // Our sources import word lists as `import list from './x.json'`, as bundlers allow; Node wants
  // `with { type: 'json' }`, so a JSON file imported from a .ts file becomes a module here.
  if (url.endsWith('.json') && context.importAttributes?.type !== 'json') {
    return { format: 'module', source: `export default ${readFileSync(fileURLToPath(url), 'utf8')};`, shortCircuit: true };
  }
  if (!url.endsWith('.ts')) return next(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const { code } = await swc.transform(source, {
    filename: fileURLToPath(url),
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
  });
  return { format: 'module', source: code, shortCircuit: true };
}
