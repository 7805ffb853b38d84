import Foundation

/// Runs the real `learnchat` executable, built beside the test bundle, as a user would.
enum LearnchatBinary {
  struct Run {
    let status: Int32
    let output: String
    let errorOutput: String
  }

  /// The built executable: SwiftPM puts it in the same folder as the test bundle.
  static var url: URL {
    let testExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return testExecutable.deletingLastPathComponent().appendingPathComponent("learnchat")
  }

  /// Runs `learnchat arguments...` with no input and returns its status and output.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    let errorOutput = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = errorOutput
    try process.run()
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
