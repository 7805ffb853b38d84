import Foundation
import LearnchatTestSupport
import Testing

/// What users read, compared whole with files in `Golden/`: every command's `--help`, and one
/// seeded run of each lesson. A change to a help text or to a lesson's text or bytes then shows
/// up as a golden diff in review (`LEARNCHAT_UPDATE_FIXTURES=1` rewrites the files).
@Suite("Golden output")
struct GoldenOutputTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// Every command, as `learnchat help` lists them, and the top level.
  static let commands = [
    [], ["lessons"], ["lesson"], ["serve"], ["connect"], ["intercept"], ["bench"],
    ["exercises"], ["exercise"], ["check"], ["hint"], ["progress"],
  ]

  /// A fixed width, so that the argument parser wraps help text the same everywhere.
  static let environment = ["COLUMNS": "80", "NO_COLOR": "1"]

  @Test("the help of every command is as reviewed", arguments: commands)
  func help(command: [String]) throws {
    let run = try LearnchatBinary.run(command + ["--help"], environment: Self.environment)
    #expect(run.status == 0)
    let name = (["learnchat"] + command).joined(separator: "-") + ".txt"
    let difference = try GoldenFile.difference(
      run.output, from: Self.folder.appendingPathComponent("help/\(name)"))
    #expect(difference == nil, "\(difference ?? "")")
  }

  @Test("every command's help is checked here", .enabled(if: !GoldenFile.updating))
  func everyCommandIsCovered() throws {
    let run = try LearnchatBinary.run(["--help"], environment: Self.environment)
    // The subcommands section lists one command per line: two spaces, a lower-case name, then
    // two spaces and its abstract (or a line break when the name is long).
    let entry = #/^  ([a-z][a-z-]*)(  |$)/#
    let listed =
      run.output.components(separatedBy: "SUBCOMMANDS:").last?
      .split(separator: "\n").compactMap { line in
        (try? entry.firstMatch(in: line)).map { String($0.1) }
      } ?? []
    #expect(!listed.isEmpty)
    #expect(Set(listed) == Set(Self.commands.compactMap(\.first)))
  }

  @Test("a seeded run of each lesson prints what was reviewed", arguments: [1, 2, 3, 4])
  func seededLesson(number: Int) throws {
    let run = try LearnchatBinary.run(
      ["lesson", String(number), "--seed", "golden", "--width", "100", "--color", "never"],
      environment: Self.environment)
    #expect(run.status == 0, "\(run.errorOutput)")
    let difference = try GoldenFile.difference(
      run.output, from: Self.folder.appendingPathComponent("lessons/lesson-\(number).txt"))
    #expect(difference == nil, "\(difference ?? "")")
  }
}
