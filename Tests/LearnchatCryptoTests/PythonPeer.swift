import Foundation
import LearnchatTestSupport

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
      throw PythonFailure(message: result.errorText)
    }
    guard let answer = try JSONSerialization.jsonObject(with: result.output) as? [String: Any]
    else { throw PythonFailure(message: "interop.py did not answer with a JSON object") }
    return answer
  }

  struct PythonFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { "python3 interop.py failed: \(message)" }
  }

  private static func run(arguments: [String], input: Data) throws -> CapturedProcess.Result {
    try CapturedProcess.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, input: input)
  }
}
