import Foundation
import Testing

/// Golden files for the Markdown renderer, read from the source tree (not bundled).
///
/// Run with `LEARNCHAT_UPDATE_FIXTURES=1` to rewrite the expected files from the current
/// renderer; then read the diff before committing it.
enum MarkdownFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/markdown")

  static var updating: Bool {
    ProcessInfo.processInfo.environment["LEARNCHAT_UPDATE_FIXTURES"] == "1"
  }

  static func read(_ name: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  /// Compares `actual` with the whole of the fixture `name`, or rewrites it when updating.
  static func expect(
    _ actual: String, equalsFixture name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    if updating {
      try actual.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
      return
    }
    let expected = try read(name)
    #expect(actual == expected, "\(name) differs", sourceLocation: sourceLocation)
  }
}
