import path from "node:path";

/** Where the cluster run keeps its database (when SQLite), logs and the instances' environment. */
export const CLUSTER_DIR = path.resolve(".tmp/cluster/run");
export const ENV_FILE = path.join(CLUSTER_DIR, "env.json");
export const LOG_FILE = path.join(CLUSTER_DIR, "instances.log");
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-cluster";

/** The environment every instance shares, written by the global setup (secrets included: mode 0600). */
export type ClusterEnv = Record<string, string> & { DATABASE_URL: string };
