/**
 * Finding a named component in prose: what makes a project example concrete. A name is an inline code span
 * (`attestd`), a CamelCase service (RevocationFeed, PostgreSQL), a known product (etcd, Kafka, CometBFT), a
 * kebab- or snake-case identifier whose last word is a component's (verify-service, trust_log, ledger-0),
 * or a name before a component word ("the raft cluster"). Hyphenated English (split-brain, three-node,
 * lost-acknowledged-write) is prose, not a name.
 */

const COMPONENT_WORDS = new Set([
  'service', 'cluster', 'store', 'queue', 'gateway', 'cache', 'broker', 'worker', 'database', 'db', 'api',
  'proxy', 'server', 'ledger', 'log', 'pipeline', 'scheduler', 'controller', 'registry', 'index', 'bucket',
  'topic', 'stream', 'shard', 'replica', 'engine', 'daemon', 'sidecar', 'balancer', 'coordinator', 'consumer',
  'producer', 'table', 'node', 'bus', 'agent', 'endpoint', 'vault', 'repository', 'pool', 'module',
  'component', 'backend', 'storage', 'manager', 'router', 'relay', 'collector', 'exporter', 'cron', 'lambda',
  'function', 'microservice', 'leader', 'follower', 'journal', 'wal', 'mesh', 'tier', 'fleet', 'validator',
  'verifier', 'signer', 'issuer', 'resolver', 'indexer', 'watcher', 'monitor', 'limiter', 'circuit', 'breaker',
  'platform',
]);

const NOT_A_NAME = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'our', 'your', 'their', 'its', 'his', 'her',
  'each', 'every', 'any', 'one', 'per', 'some', 'no', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with',
  'from', 'and', 'or', 'but', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'which', 'who', 'what',
  'when', 'where', 'how', 'not', 'only', 'also', 'all', 'both', 'same', 'other', 'another', 'single',
  'new', 'whole', 'into', 'onto', 'than', 'then', 'so', 'if', 'it', 'we', 'i', 'they', 'via', 'behind',
  'different', 'many', 'multiple', 'several', 'few', 'more', 'most', 'either', 'given', 'any', 'such', 'like',
  'slow', 'fast', 'failed', 'healthy', 'remaining', 'another', 'particular', 'typical', 'normal', 'simple',
]);

/** Hyphenated words that are ordinary English, not component names. */
const PROSE_COMPOUNDS = new Set([
  'read-only', 'write-only', 'split-brain', 'trade-off', 'trade-offs', 'real-time', 'well-known', 'so-called',
  'up-to-date', 'per-operation', 'per-request', 'end-to-end', 'at-least-once', 'at-most-once', 'exactly-once',
  'long-running', 'high-level', 'low-level', 'built-in', 'third-party', 'open-source', 'single-leader',
  'multi-leader', 'leaderless', 'point-in-time', 'write-ahead', 'best-effort', 'time-based', 'last-write-wins',
  'follow-up', 'e-mail', 'non-blocking', 'non-trivial', 'self-healing', 'fail-over', 'fail-stop', 'read-your-writes',
  'monotonic-read', 'happens-before', 'so-so', 'one-way', 'two-way', 'in-flight', 'in-memory', 'on-call',
  'fire-and-forget', 'check-and-set', 'compare-and-swap', 'round-trip', 'round-trips', 'strongly-consistent',
  'eventually-consistent', 'key-value', 'peer-to-peer', 'client-side', 'server-side', 'cross-region', 'multi-region',
  'fault-tolerant', 'fault-tolerance', 'highly-available', 'well-defined', 'long-lived', 'short-lived', 'state-of-the-art',
  'one-time', 'all-or-nothing', 'first-come', 'non-deterministic', 'co-ordinate', 'co-ordination', 're-elect', 're-election',
  'pre-vote', 'two-phase', 'three-phase', 'well-tested', 'hand-written', 'human-readable', 'order-independent',
]);

/** Numbers as words, and endings that make an adjective ("three-node", "quorum-based", "low-latency"). */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'single', 'multi', 'n']);
const ADJECTIVE_ENDINGS = new Set([
  'based', 'like', 'aware', 'free', 'safe', 'only', 'wide', 'style', 'level', 'latency', 'time', 'term', 'scale',
  'grade', 'tolerant', 'ready', 'bound', 'heavy', 'intensive', 'driven', 'oriented', 'specific', 'side', 'way', 'phase',
]);

/** Hyphenated English ("split-brain", "three-node", "quorum-based"), not a component's name. */
function isProseCompound(lower: string): boolean {
  if (PROSE_COMPOUNDS.has(lower)) return true;
  const segments = lower.split('-');
  return NUMBER_WORDS.has(segments[0]!) || /^\d/.test(segments[0]!) || ADJECTIVE_ENDINGS.has(segments[segments.length - 1]!);
}


/** Last words of a hyphenated name that make it a component's, beyond COMPONENT_WORDS: "enrol-gw", "verify-svc". */
const NAME_ENDINGS = new Set([
  'svc', 'gw', 'srv', 'api', 'edge', 'feed', 'writer', 'reader', 'gate', 'ring', 'net', 'sync', 'council', 'mirror',
  'intake', 'ingest', 'hub', 'core', 'd', 'ctl', 'cli', 'ui', 'app', 'job', 'jobs', 'bot', 'notary', 'witnesses',
  'witness', 'quorum', 'counter', 'gossip', 'fanout', 'checker', 'appraiser', 'tracker', 'publisher', 'dispatcher',
  'handler', 'processor', 'loader', 'reconciler', 'operator', 'keeper', 'master', 'primary', 'standby', 'mq', 'kv',
  'dns', 'lb', 'ledger', 'log', 'logs', 'store', 'cache', 'queue', 'service', 'server', 'worker', 'platform',
]);

/**
 * Products a learner names as their own building blocks. Names that are also English words (Vault, Consul,
 * Envoy, Spark, Elle, Alloy, Temporal, Pulsar) count only when capitalised; the rest in any case.
 */
const PRODUCTS = new Set([
  'etcd', 'kafka', 'redis', 'postgresql', 'postgres', 'mysql', 'mariadb', 'sqlite', 'cassandra', 'scylladb', 'zookeeper',
  'cockroachdb', 'dynamodb', 'mongodb', 'rabbitmq', 'nats', 'jetstream', 'redpanda', 'spanner', 'tikv', 'foundationdb',
  'riak', 'elasticsearch', 'opensearch', 'kubernetes', 'k8s', 'istio', 'nginx', 'haproxy', 'grpc', 'patroni', 'openraft',
  'tendermint', 'cometbft', 'jepsen', 'knossos', 'tlc', 'apalache', 'sqs', 'sns', 'kinesis', 'bigtable', 'hbase', 'hdfs',
  'clickhouse', 'prometheus', 'grafana', 'toxiproxy', 'flink', 'debezium', 'memcached', 'minio', 'ceph', 'tigerbeetle',
  'yugabytedb', 'cosmosdb', 'firestore', 'zipkin', 'jaeger', 'opentelemetry', 'linkerd', 'hashicorp', 'dragonboat',
  'ratis', 'bookkeeper', 'nomad', 'docker', 'containerd', 'terraform', 's3', 'gcs', 'aurora', 'rds', 'vitess', 'citus',
  'timescaledb', 'influxdb', 'questdb', 'duckdb', 'leveldb', 'rocksdb', 'badgerdb', 'boltdb', 'bbolt', 'pebble',
  'hotstuff', 'pbft', 'bft-smart', 'sigstore', 'rekor', 'fulcio', 'spire', 'spiffe', 'keylime', 'tpm',
]);
const CAPITALISED_PRODUCTS = new Set(['Vault', 'Consul', 'Envoy', 'Spark', 'Elle', 'Alloy', 'Temporal', 'Pulsar', 'Dynamo', 'Chubby', 'Maelstrom', 'Porcupine']);

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]{0,40}(?:[-_][A-Za-z0-9]{1,40}){1,8}$/;
const CAMEL_CASE = /^[A-Z]?[a-z0-9]*[a-z][A-Z][A-Za-z0-9]*$|^[A-Z][a-z]+[A-Z]{2,}[a-z]*$/;

/** Whether one word is a name: CamelCase, a known product, or a component-like identifier. */
function isName(token: string): boolean {
  if (token.length < 2 || token.length > 60) return false;
  const lower = token.toLowerCase();
  if (PRODUCTS.has(lower) || CAPITALISED_PRODUCTS.has(token)) return true;
  if (token.length >= 4 && CAMEL_CASE.test(token)) return true;
  if (!IDENTIFIER.test(token)) return false;
  if (token.includes('_')) return true;
  if (isProseCompound(lower)) return false;
  const segments = lower.split('-');
  const last = segments[segments.length - 1]!;
  const singular = last.endsWith('s') && !last.endsWith('ss') ? last.slice(0, -1) : last;
  // "ledger-0", "raft-3": a numbered instance; "verify-service", "enrol-gw", "policy-replicas": a component's last word
  return /\d/.test(last) || [last, singular].some((word) => NAME_ENDINGS.has(word) || COMPONENT_WORDS.has(word)) || segments.some((segment) => PRODUCTS.has(segment));
}

/** Returns the first component a text names, or null. */
export function findComponent(list: readonly string[], codeSpans: readonly string[]): string | null {
  for (const span of codeSpans) if (/[A-Za-z]/.test(span)) return `\`${span.trim()}\``;
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!.replace(/'s$|’s$/, '');
    if (isName(token)) return token;
    const lower = token.toLowerCase();
    const singular = lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
    if (!COMPONENT_WORDS.has(lower) && !COMPONENT_WORDS.has(singular)) continue;
    const previous = list[i - 1];
    if (previous === undefined) continue;
    const prevLower = previous.toLowerCase();
    // "the verify service" names one; "the service", "5 nodes" and "3-node cluster" do not
    if (NOT_A_NAME.has(prevLower) || NUMBER_WORDS.has(prevLower) || (prevLower.includes('-') && isProseCompound(prevLower))) continue;
    if (!/^(?:[A-Za-z][A-Za-z0-9-]{0,40}|\d{1,4}[A-Za-z][A-Za-z0-9]{0,20})$/.test(previous)) continue;
    return `${previous} ${token}`;
  }
  return null;
}
