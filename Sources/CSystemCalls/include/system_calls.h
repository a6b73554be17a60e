#ifndef KIRAMEKI_ATOMIC_SWAP_H
#define KIRAMEKI_ATOMIC_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (ENOSYS where the platform has no exchange).
int kirameki_exchange_paths(const char *first, const char *second);

/// Flushes the filesystem holding `path` to disk in one call (Linux syncfs; sync elsewhere),
/// so a whole staged site is durable before it is swapped in, without an fsync per file.
int kirameki_sync_filesystem(const char *path);

#endif
