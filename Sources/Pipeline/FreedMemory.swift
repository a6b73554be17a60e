import CSystemCalls

/// Gives the memory freed between stages back to the system. glibc keeps freed blocks for
/// reuse, so after a stage drops its input (the files' text, Markdown bodies) that memory still
/// counts as the process's until the allocator returns it.
enum FreedMemory {
  static func release() {
    kirameki_release_freed_memory()
  }
}
