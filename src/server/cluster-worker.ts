// A worker of the cluster (cluster.ts): serves as one process does, in the role its primary gave it.
import cluster from 'node:cluster';
import type { Config } from './config';
import type { ClusterMessage } from './cluster';
import { serve } from './serve';

export function serveAsWorker(config: Config): Promise<void> {
  const primary = process.env.LDN_CLUSTER_ROLE === 'primary';
  let ready = primary || process.env.LDN_CLUSTER_DATABASE_READY === '1';
  let wake: () => void = () => {};
  process.on('message', (message: ClusterMessage) => {
    if (message?.ldn !== 'database-ready') return;
    ready = true;
    wake();
  });
  return serve(config, {
    primary,
    workerId: cluster.worker!.id,
    databaseReady: () => (ready ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve))),
    onReady: () => process.send!({ ldn: 'ready' } satisfies ClusterMessage),
  });
}
