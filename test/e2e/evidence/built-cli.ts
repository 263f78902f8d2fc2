/** The `calltrail` bundle as `npm run build` makes it, run in a child process as a user runs it. */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspace = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

export function runNode(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: workspace, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, out: out.trimEnd(), err: err.trimEnd() }));
  });
}

/** Builds the bundle into a folder inside the workspace (so it finds its npm dependencies); returns the script and the folder. */
export async function buildCli(name: string): Promise<{ cli: string; buildDir: string }> {
  const buildDir = join(workspace, 'node_modules/.cache', `${name}-${process.pid}`);
  const vite = join(workspace, 'node_modules/vite/bin/vite.js');
  const build = await runNode([vite, 'build', '--config', 'apps/ledger-cli/vite.config.ts', '--outDir', buildDir, '--emptyOutDir', '--logLevel', 'error'], {});
  if (build.code !== 0) throw new Error(`the build failed: ${build.err}`);
  return { cli: join(buildDir, 'calltrail.js'), buildDir };
}
