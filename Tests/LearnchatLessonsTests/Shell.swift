import Foundation
import LearnchatTestSupport
import Testing

/// Whether the lessons' Python commands can run here.
enum PythonTools {
  /// Set `LEARNCHAT_REQUIRE_PYTHON` to make a missing `cryptography` a failure, not a skip.
  static let required = ProcessInfo.processInfo.environment["LEARNCHAT_REQUIRE_PYTHON"] != nil
  /// Whether `python3` can import `cryptography`.
  static let ready = (try? Shell.run("python3 -c 'import cryptography'", in: "/").status) == 0
}

/// Runs shell commands for the lesson-command tests.
enum Shell {
  struct Result {
    let status: Int32
    let output: String
    let errors: String
  }

  /// The `learnchat` binary built beside the test bundle.
  static func learnchat() throws -> String {
    let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("learnchat").path
    try #require(FileManager.default.isExecutableFile(atPath: path), "no learnchat at \(path)")
    return path
  }

  /// Runs `script` with bash in `folder`, `learnchat` on the PATH and progress kept in a
  /// folder of the tests' own (outside `folder`, which an export must find empty), so nothing is
  /// written to the real home.
  static func run(_ script: String, in folder: String) throws -> Result {
    var environment = ProcessInfo.processInfo.environment
    let binaries = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent().path
    environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["XDG_STATE_HOME"] =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "learnchat-shell-state-\(getpid())"
      ).path
    let result = try CapturedProcess.bash(script, environment: environment, folder: folder)
    return Result(status: result.status, output: result.outputText, errors: result.errorText)
  }
}
