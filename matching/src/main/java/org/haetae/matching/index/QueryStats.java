package org.haetae.matching.index;

/**
 * What a search cost, for benchmarks and for telling a clustered bank from a healthy one. Not
 * thread-safe: give each thread its own.
 */
public final class QueryStats {
  long queries;
  long probes;
  long candidates;
  long linearScans;
  long postingsFiltered;

  /** Searches recorded. */
  public long queries() {
    return queries;
  }

  /** Buckets looked up. */
  public long probes() {
    return probes;
  }

  /** Hashes whose full distance was computed (every hash, for a linear scan). */
  public long candidates() {
    return candidates;
  }

  /** Searches the planner answered by scanning everything, because the index would cost more. */
  public long linearScans() {
    return linearScans;
  }

  /** Postings the pair filter looked at (streamed, not verified); 0 without the filter. */
  public long postingsFiltered() {
    return postingsFiltered;
  }

  public void reset() {
    queries = probes = candidates = linearScans = postingsFiltered = 0;
  }
}
