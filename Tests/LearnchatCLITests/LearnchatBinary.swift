import Foundation

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
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    let errorOutput = Pipe()
    let inputPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    process.standardOutput = output
    process.standardError = errorOutput
    try process.run()
    if let input {
      inputPipe.fileHandleForWriting.write(Data(input.utf8))
      try inputPipe.fileHandleForWriting.close()
    }
    // Drain stderr on another thread so neither pipe can fill up and block the child.
    let errorData = ErrorDrain(errorOutput.fileHandleForReading)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errorOutput: String(decoding: errorData.wait(), as: UTF8.self))
  }
}

/// Reads a pipe to its end on a background thread.
final class ErrorDrain: @unchecked Sendable {
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
