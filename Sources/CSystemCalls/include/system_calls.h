#ifndef KIRAMEKI_SYSTEM_CALLS_H
#define KIRAMEKI_SYSTEM_CALLS_H

/// The few system calls the build needs that Swift's Glibc module does not expose.

/// Flushes the filesystem holding `path` to disk in one call (Linux syncfs; sync elsewhere),
/// so a whole staged site is durable before it is renamed into place, without an fsync per file.
int kirameki_sync_filesystem(const char *path);

/// Returns memory the allocator holds free to the system (glibc malloc_trim; nothing elsewhere),
/// so what a finished stage dropped stops counting as the process's memory.
void kirameki_release_freed_memory(void);

#endif
