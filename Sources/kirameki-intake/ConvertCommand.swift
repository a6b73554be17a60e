import ArgumentParser
import Intake

struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "convert", abstract: "Not built yet.")
  func run() throws { throw ExitCode(70) }
}
