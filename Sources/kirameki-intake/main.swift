import ArgumentParser

/// `kirameki-intake`: submissions become content drafts (`convert`), and the site's forms are
/// received and spooled to disk (`serve`).
struct KiramekiIntake: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kirameki-intake",
    abstract: "Turn submitted forms into content drafts, and receive the site's form posts.",
    subcommands: [ConvertCommand.self, ServeCommand.self]
  )
}

KiramekiIntake.main()
