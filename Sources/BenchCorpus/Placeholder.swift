// Synthetic hub corpus for benchmarks.
