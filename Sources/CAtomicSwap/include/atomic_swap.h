#ifndef KIRAMEKI_ATOMIC_SWAP_H
#define KIRAMEKI_ATOMIC_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (ENOSYS where the platform has no exchange).
int kirameki_exchange_paths(const char *first, const char *second);

#endif
