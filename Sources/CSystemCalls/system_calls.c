#define _GNU_SOURCE
#include "system_calls.h"
#include <fcntl.h>
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

void kirameki_release_freed_memory(void) {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}
