import { randomUUID } from 'node:crypto';
import { openPostgres } from '@calltrail/sql';

/** The server the benchmark runs on: DATABASE_URL, or the local PostgreSQL. */
export const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates an empty database for one run of one system, so no run sees another's tables. */
export async function createBenchDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `calltrail_bench_${label}_${randomUUID().slice(0, 8)}`;
  const admin = await openPostgres({ connectionString: serverUrl, max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // A pool may still be closing its connections: wait for them rather than kill them.
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const { rows } = await admin.query<{ open: number }>(
          'SELECT count(*) AS open FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (rows[0]!.open === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
