/**
 * Finding a named component in prose: what makes a project example concrete. A name is an inline code span
 * (`attestd`), a CamelCase service (RevocationFeed, PostgreSQL), a known product (etcd, Kafka, CometBFT), a
 * kebab- or snake-case identifier whose last word is a component's (verify-service, trust_log, ledger-0),
 * or a name before a component word ("the raft cluster"). Hyphenated English (split-brain, three-node,
 * lost-acknowledged-write) is prose, not a name.
 */
/** Returns the first component a text names, or null. */
export declare function findComponent(list: readonly string[], codeSpans: readonly string[]): string | null;
