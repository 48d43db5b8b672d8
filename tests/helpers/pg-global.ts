// Vitest global setup: one PostgreSQL cluster for the whole run unless CLSPD_TEST_DATABASE_URL names one.
import { postgresBinDir, startCluster, type TestCluster } from './pg';

let cluster: TestCluster | undefined;

export async function setup(): Promise<void> {
  if (process.env.CLSPD_TEST_DATABASE_URL) return;
  if (!postgresBinDir() && !process.env.CI) {
    // A developer machine without PostgreSQL: the team-mode tests say why they are skipped; CI always has it.
    process.env.CLSPD_TEST_NO_DATABASE = 'PostgreSQL n’est pas installé (paquet Debian postgresql) : tests du mode équipe ignorés.';
    return;
  }
  cluster = await startCluster();
  process.env.CLSPD_TEST_DATABASE_URL = cluster.url;
}

export function teardown(): void {
  cluster?.stop();
}
