import ArgumentParser

/// `kirameki`: the hub's static-site generator.
public struct Kirameki: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "kirameki",
    abstract: "Builds the Saitama medical-monozukuri hub from content/ into site/.",
    subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, SchemaCommand.self, ServeCommand.self],
    defaultSubcommand: BuildCommand.self
  )

  public init() {}
}
