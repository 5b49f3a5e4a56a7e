// A software prefetch for hash-table probes: unlike a plain load issued early, it retires at
// once, so a loop can have many cache misses in flight without filling the reorder buffer.
static inline void dedup_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }
