import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file with `open`/`fstat`/`read`: one allocation of the file's size and no URL or
/// attribute work. Any failure falls back to `Data(contentsOf:)`, so errors read as before.
enum FileRead {
  static func data(atPath path: String) throws -> Data {
    if let data = readDirectly(path) { return data }
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }

  private static func readDirectly(_ path: String) -> Data? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    // One byte more than the size, so the read that finds the end needs no growth.
    var data = Data(count: Int(info.st_size) + 1)
    var filled = 0
    while true {
      if filled == data.count { data.count += Swift.max(4096, data.count / 2) }
      let got = data.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return -1 }
        return read(descriptor, base + filled, buffer.count - filled)
      }
      if got < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if got == 0 { break }
      filled += got
    }
    data.count = filled
    return data
  }
}
