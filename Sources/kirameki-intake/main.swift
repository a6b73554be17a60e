import ArgumentParser

/// `kirameki-intake`: submissions become content drafts (`convert`), and the site's forms are
/// received and spooled to disk (`serve`).
struct KiramekiIntake: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kirameki-intake",
    abstract: "Turn submitted forms into content drafts, and receive the site's form posts.",
    subcommands: [ConvertCommand.self, ServeCommand.self]
  )
}

/// What AsyncParsableCommand.main does, spelled out: main.swift's top level picks the synchronous
/// overloads, which cannot run `serve`; inside an async function the async `run()` is chosen.
func runCommand() async {
  do {
    var command = try KiramekiIntake.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
      try await asyncCommand.run()
    } else {
      try command.run()
    }
  } catch {
    KiramekiIntake.exit(withError: error)
  }
}

await runCommand()
