import Foundation

/// Runs `Fixtures/interop.py` (Python's `cryptography`, as the original demos use) as a real
/// process for the live cross-implementation tests.
enum PythonPeer {
  /// Whether `python3` with `cryptography` can run here. When the environment variable
  /// `LEARNCHAT_REQUIRE_PYTHON` is set (CI sets it), the live tests run regardless and fail
  /// loudly if Python is missing, instead of being skipped.
  static let isAvailable: Bool = {
    if ProcessInfo.processInfo.environment["LEARNCHAT_REQUIRE_PYTHON"] != nil { return true }
    return (try? run(arguments: ["-c", "import cryptography"], input: Data()))?.status == 0
  }()

  /// Sends `request` as JSON to `script command` (a script in `Fixtures`) and decodes its JSON
  /// answer.
  static func call(
    _ command: String, _ request: [String: String], script: String = "interop.py"
  ) throws -> [String: Any] {
    let script = PythonVectors.folder.appendingPathComponent(script).path
    let input = try JSONSerialization.data(withJSONObject: request)
    let result = try run(arguments: [script, command], input: input)
    guard result.status == 0 else {
      throw PythonFailure(message: String(decoding: result.errorOutput, as: UTF8.self))
    }
    guard let answer = try JSONSerialization.jsonObject(with: result.output) as? [String: Any]
    else { throw PythonFailure(message: "interop.py did not answer with a JSON object") }
    return answer
  }

  struct PythonFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { "python3 interop.py failed: \(message)" }
  }

  private static func run(
    arguments: [String], input: Data
  ) throws -> (status: Int32, output: Data, errorOutput: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a large answer cannot block the child.
    let errorReader = BackgroundReader(stderr.fileHandleForReading)
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errorOutput = errorReader.wait()
    process.waitUntilExit()
    return (process.terminationStatus, output, errorOutput)
  }
}

/// Reads a file handle to its end on another thread; `wait()` returns what was read.
final class BackgroundReader: @unchecked Sendable {
  // Sendable: `data` is written once by the reading thread before `done` is signalled, and
  // read only after waiting on `done`.
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
