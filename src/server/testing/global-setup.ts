// Names this run (so its PostgreSQL schemas never meet another run's) and drops those schemas afterwards.
import pg from 'pg';

export function setup() {
  process.env.LDN_TEST_RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function teardown() {
  const url = process.env.TEST_DATABASE_URL;
  const run = process.env.LDN_TEST_RUN;
  if (!url || !run) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like $1`, [
      `ldn_t_${run}_%`,
    ]);
    for (const { nspname } of rows) await client.query(`drop schema if exists "${nspname}" cascade`);
  } finally {
    await client.end();
  }
}
