import Foundation

/// Golden files: expected output kept in the source tree and compared whole, so that any change
/// to what a user sees shows up as a reviewed diff.
///
/// With `LEARNCHAT_UPDATE_FIXTURES=1` in the environment, comparing rewrites the file from the
/// current output instead; read the diff before committing it.
public enum GoldenFile {
  /// Whether this run rewrites golden files instead of comparing with them.
  public static var updating: Bool {
    ProcessInfo.processInfo.environment["LEARNCHAT_UPDATE_FIXTURES"] == "1"
  }

  /// Compares `actual` with the golden file at `url` (or rewrites it when updating). Returns
  /// nil when they match, otherwise where they first differ, as one short paragraph.
  public static func difference(_ actual: String, from url: URL) throws -> String? {
    if updating {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return nil
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      return "\(url.lastPathComponent) is missing; run with LEARNCHAT_UPDATE_FIXTURES=1"
    }
    guard actual != expected else { return nil }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(actualLines.count, expectedLines.count)
    func at(_ lines: [Substring]) -> String {
      line < lines.count ? "\"\(lines[line])\"" : "(the end)"
    }
    return "\(url.lastPathComponent) differs at line \(line + 1): expected \(at(expectedLines)), "
      + "got \(at(actualLines)) (LEARNCHAT_UPDATE_FIXTURES=1 rewrites it)"
  }
}
