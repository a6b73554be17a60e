import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A bare HTTP/1.1 client for an endless response (Server-Sent Events): sends one GET and
/// reads what arrives, as it arrives.
final class RawEventStream: @unchecked Sendable {
  private let socketDescriptor: Int32
  private(set) var received = ""

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  init(port: Int, path: String) throws {
    #if canImport(Glibc)
      socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      socketDescriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard socketDescriptor >= 0 else { throw Failure(description: "socket() failed") }
    var timeout = timeval(tv_sec: 30, tv_usec: 0)
    setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(socketDescriptor)
      throw Failure(description: "cannot connect to port \(port)")
    }
    let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    _ = request.withCString { send(socketDescriptor, $0, strlen($0), 0) }
  }

  deinit {
    close(socketDescriptor)
  }

  /// Reads until the text received so far contains `marker`; false on timeout or end of stream.
  /// The blocking reads run on a Dispatch thread, so the test does not hold one of the few
  /// cooperative threads the server's handlers need (the suite runs many tests at once).
  func read(until marker: String) async -> Bool {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async { continuation.resume(returning: self.readBlocking(until: marker)) }
    }
  }

  private func readBlocking(until marker: String) -> Bool {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !received.contains(marker) {
      let count = buffer.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { return false }
      received += String(decoding: buffer[0..<count], as: UTF8.self)
    }
    return true
  }
}
