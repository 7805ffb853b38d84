import Foundation

/// Runs a program to its end and keeps everything it printed: the one way the test targets start
/// a process whose output they only need once it has exited (learnchat itself, bash, python3).
public enum CapturedProcess {
  /// What a finished process left behind.
  public struct Result {
    /// Its exit status.
    public let status: Int32
    /// Everything it wrote to standard output.
    public let output: Data
    /// Everything it wrote to standard error.
    public let errorOutput: Data

    /// Standard output as text (invalid UTF-8 repaired, never dropped).
    public var outputText: String { String(decoding: output, as: UTF8.self) }
    /// Standard error as text (invalid UTF-8 repaired, never dropped).
    public var errorText: String { String(decoding: errorOutput, as: UTF8.self) }
  }

  /// Runs `executable` with `arguments` and waits for it to exit.
  ///
  /// - `input`: written to standard input, which is then closed; nil gives it /dev/null.
  /// - `environment`: the whole environment; nil inherits this process's.
  /// - `folder`: the working folder; nil inherits this process's.
  ///
  /// Both output pipes are read on threads of their own while the input is written, so no pipe
  /// can fill up and leave the child and the test waiting for each other.
  public static func run(
    _ executable: URL, _ arguments: [String], input: Data? = nil,
    environment: [String: String]? = nil, folder: String? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let output = Pipe()
    let errorOutput = Pipe()
    let inputPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    process.standardOutput = output
    process.standardError = errorOutput
    try process.run()
    let outputDrain = PipeDrain(output.fileHandleForReading)
    let errorDrain = PipeDrain(errorOutput.fileHandleForReading)
    if let input {
      inputPipe.fileHandleForWriting.write(input)
      try inputPipe.fileHandleForWriting.close()
    }
    let outputData = outputDrain.wait()
    let errorData = errorDrain.wait()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: outputData, errorOutput: errorData)
  }

  /// Runs `script` with `bash -c`; the other parameters are those of `run(_:_:input:...)`.
  public static func bash(
    _ script: String, input: Data? = nil, environment: [String: String]? = nil,
    folder: String? = nil
  ) throws -> Result {
    try run(
      URL(fileURLWithPath: "/bin/bash"), ["-c", script], input: input,
      environment: environment, folder: folder)
  }
}

/// Reads a file handle to its end on a thread of its own; `wait()` returns what was read.
///
/// For a test that reads one pipe of a child itself and must not let the other fill up.
public final class PipeDrain: @unchecked Sendable {
  // Sendable: `data` is written once by the reading thread before `done` is signalled, and
  // read only after waiting on `done`.
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  /// Starts reading `handle` at once.
  public init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  /// Waits until the handle's end and returns everything read from it.
  public func wait() -> Data {
    done.wait()
    return data
  }
}
