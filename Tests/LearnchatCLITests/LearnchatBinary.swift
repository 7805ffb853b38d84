import Foundation
import LearnchatTestSupport

/// Runs the real `learnchat` executable, built beside the test bundle, as a user would.
enum LearnchatBinary {
  /// The fixture lessons of the lessons layer's tests: short texts, every placeholder used.
  static let fixtureLessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("LearnchatLessonsTests/Fixtures/lessons")
    .path

  struct Run {
    let status: Int32
    let output: String
    let errorOutput: String
  }

  /// A state folder of the tests' own, set in this process's environment the first time a
  /// test asks for the binary, so no run writes progress into the real home folder. Tests of
  /// progress give each run a folder of their own.
  static let isolatedStateFolder: String = {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("learnchat-cli-state-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    setenv("XDG_STATE_HOME", folder, 1)
    return folder
  }()

  /// The built executable: SwiftPM puts it in the same folder as the test bundle.
  static var url: URL {
    _ = isolatedStateFolder
    let testExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return testExecutable.deletingLastPathComponent().appendingPathComponent("learnchat")
  }

  /// Copies the executable to `path`, written through a descriptor opened close-on-exec: a
  /// process started meanwhile by another test must not inherit it open for writing, or
  /// running the copy fails with "Text file busy".
  static func copy(to path: String) throws {
    let bytes = try Data(contentsOf: url)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    var remaining = bytes[...]
    while !remaining.isEmpty {
      let written = remaining.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
      remaining = remaining.dropFirst(written)
    }
  }

  /// Runs `learnchat arguments...` with `input` on standard input (none: /dev/null), and
  /// returns its status and output.
  static func run(
    _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
    executable: URL = url
  ) throws -> Run {
    let result = try CapturedProcess.run(
      executable, arguments, input: input.map { Data($0.utf8) },
      environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    return Run(status: result.status, output: result.outputText, errorOutput: result.errorText)
  }
}
