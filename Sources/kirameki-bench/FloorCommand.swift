import ArgumentParser
import BenchCorpus
import Foundation

/// `kirameki-bench floor`: writes a tree with the folders, file names and sizes of a built site,
/// filled with filler bytes, and reports the time: what writing that output costs this machine
/// without any rendering, set beside each build by `Benchmarks/build/run.sh`.
struct FloorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "floor",
    abstract: "Write a filler copy of a built site's files (same folders, names and sizes) and time it.",
    discussion: """
      The files are written on --threads threads, each taking runs of 256 consecutive files \
      (sorted by path) and making folders as they are needed; then the folders left empty are \
      made. Nothing is synced. --out must not exist; a copy that fails is removed. Prints one line: \
      files, MiB, folders, and the writing's wall and CPU seconds (reading the site's shape is not \
      counted).
      """
  )

  @Option(help: "The built site whose shape is copied.")
  var like: String

  @Option(help: "The folder to make (must not exist).")
  var out: String

  @Option(help: "Writer threads. Default: the number of cores, as the build's writer.")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
  }

  func run() throws {
    do {
      let shape = try TreeShape.scan(like)
      let before = ProcessTimes.now()
      let seconds = CorpusCommand.seconds(try shape.write(to: out, threads: threads))
      let after = ProcessTimes.now()
      let mib = String(format: "%.1f", Double(shape.bytes) / 1_048_576)
      print(
        "Wrote \(shape.files.count) files (\(mib) MiB) in \(shape.folders.count) folders to \(out) in "
          + String(
            format: "%.2f s (CPU %.2f s, of which system %.2f s)", seconds,
            after.user - before.user + after.system - before.system, after.system - before.system))
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitCode(1)
    }
  }
}

/// User and system CPU seconds of this process so far, all threads.
struct ProcessTimes {
  var user: Double
  var system: Double

  static func now() -> ProcessTimes {
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return ProcessTimes(user: seconds(usage.ru_utime), system: seconds(usage.ru_stime))
  }
}
