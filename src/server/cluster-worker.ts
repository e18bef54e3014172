// A worker of the cluster (cluster.ts): serves as one process does, in the role its primary gave it.
import cluster from 'node:cluster';
import type { Config } from './config';
import type { ClusterMessage } from './cluster';
import { serve } from './serve';

export function serveAsWorker(config: Config): Promise<void> {
  return serve(config, {
    primary: process.env.LDN_CLUSTER_ROLE === 'primary',
    workerId: cluster.worker!.id,
    onReady: () => process.send!({ ldn: 'ready' } satisfies ClusterMessage),
  });
}
