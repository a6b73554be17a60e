import ArgumentParser

/// `kirameki-bench`: tools for benchmarking Kirameki (synthetic corpora; more subcommands later).
struct KiramekiBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kirameki-bench",
    abstract: "Benchmark tools for the Kirameki static-site generator.",
    subcommands: [CorpusCommand.self]
  )
}

KiramekiBench.main()
