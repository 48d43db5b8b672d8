// Vitest global setup: one PostgreSQL cluster for the whole run unless CLSPD_TEST_DATABASE_URL names one.
import { startCluster, type TestCluster } from './pg';

let cluster: TestCluster | undefined;

export async function setup(): Promise<void> {
  if (process.env.CLSPD_TEST_DATABASE_URL) return;
  cluster = await startCluster();
  process.env.CLSPD_TEST_DATABASE_URL = cluster.url;
}

export function teardown(): void {
  cluster?.stop();
}
