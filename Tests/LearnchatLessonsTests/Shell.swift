import Foundation
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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var environment = ProcessInfo.processInfo.environment
    let binaries = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent().path
    environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["XDG_STATE_HOME"] =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "learnchat-shell-state-\(getpid())"
      ).path
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read stderr on another thread so that neither pipe can fill up and block the child.
    let errorData = Drain(errors.fileHandleForReading)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData.wait(), as: UTF8.self))
  }

  /// Reads a pipe to its end on a background thread.
  final class Drain: @unchecked Sendable {
    // Sendable: `data` is written once before `done` is signalled and read only after waiting.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      Thread.detachNewThread { [self] in
        data = handle.readDataToEndOfFile()
        done.signal()
      }
    }

    func wait() -> Data {
      done.wait()
      return data
    }
  }
}
