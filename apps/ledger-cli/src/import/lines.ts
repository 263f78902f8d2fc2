import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** A file's lines, read as a stream (import files can be large). */
export async function* readLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) yield line;
}

/** Counts a file's lines first, for the progress bar. */
export async function countLines(path: string): Promise<number> {
  let count = 0;
  for await (const _line of readLines(path)) count += 1;
  return count;
}
