import ArgumentParser

/// `kirameki-bench`: tools for benchmarking Kirameki (synthetic corpora, and the cost of writing a site's files).
struct KiramekiBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kirameki-bench",
    abstract: "Benchmark tools for the Kirameki static-site generator.",
    subcommands: [CorpusCommand.self, FloorCommand.self]
  )
}

KiramekiBench.main()
