#define _GNU_SOURCE
#include "system_calls.h"
#include <dlfcn.h>
#include <fcntl.h>
#include <stddef.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int kirameki_sync_filesystem(const char *path) {
#if defined(__linux__)
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return -1;
  int result = syncfs(fd);
  close(fd);
  return result;
#else
  (void)path;
  sync();
  return 0;
#endif
}

typedef int (*kirameki_mallctl)(const char *, void *, size_t *, void *, size_t);

void kirameki_release_freed_memory(void) {
  // The `kirameki` executable links jemalloc, whose `mallctl` then answers here: purge the freed
  // pages of every arena (MALLCTL_ARENAS_ALL is 4096). Anything else (the tests) runs on glibc.
  kirameki_mallctl mallctl = (kirameki_mallctl)dlsym(RTLD_DEFAULT, "mallctl");
  if (mallctl != NULL) {
    mallctl("arena.4096.purge", NULL, NULL, NULL, 0);
    return;
  }
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}
