import Foundation
import Testing

/// What the browser test needs: Debian's Chromium and Python's Playwright, which drives it
/// (`scripts/install-deps --browser` installs both).
enum BrowserTools {
  /// `Browser/html_page_test.py`, beside this file.
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Browser/html_page_test.py").path

  /// Whether CI asked for the browser test to run whatever is installed, and so to fail,
  /// rather than be skipped, where something is missing.
  static var required: Bool {
    ProcessInfo.processInfo.environment["LEARNCHAT_REQUIRE_BROWSER"] != nil
  }

  /// The system's `chromium`, found on `PATH`; never a browser Playwright downloaded.
  static let chromium: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/chromium" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Whether `python3` can import Playwright.
  static let hasPlaywright: Bool = {
    let probe = try? LearnchatBinary.run(
      ["python3", "-c", "import playwright.sync_api"],
      executable: URL(fileURLWithPath: "/usr/bin/env"))
    return probe?.status == 0
  }()

  /// What is missing, in words; empty when the test can run.
  static var missing: [String] {
    var missing: [String] = []
    if chromium == nil { missing.append("chromium (Debian package chromium) is not on PATH") }
    if !hasPlaywright {
      missing.append("python3 cannot import playwright (pip install playwright)")
    }
    return missing
  }

  /// Runs unless something is missing and CI did not ask for it.
  static var shouldRun: Bool { required || missing.isEmpty }

  /// Why the test is skipped, for the test report.
  static var skipComment: Comment {
    Comment(
      rawValue: missing.joined(separator: "; ")
        + "; scripts/install-deps --browser installs them (LEARNCHAT_REQUIRE_BROWSER makes this a "
        + "failure instead)")
  }
}
