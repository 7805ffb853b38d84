import Foundation
import LearnchatWire
import Testing

/// One learner at a keyboard: a state folder and a working folder of their own, running the
/// real `learnchat` binary there, and the tools the exercises name (Python with
/// `cryptography`, `openssl`, `tshark`).
final class ExerciseLearner {
  /// What one command printed and how it ended.
  struct Run {
    let status: Int32
    let output: String
    let errors: String
  }

  let files: Demo3Files
  /// `XDG_STATE_HOME` for this learner: progress lives under it.
  let stateHome: String

  /// The solver of the tests, which reads only an exercise's material.
  static let solver = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/exercises/solve.py").path

  init() throws {
    files = try Demo3Files()
    stateHome = files.path("state")
  }

  deinit { files.remove() }

  /// The working folder.
  var folder: String { files.directory.path }

  /// The progress file.
  var progressFile: String { stateHome + "/learnchat/progress.json" }

  /// Runs `learnchat arguments...` in the working folder and waits for it to end.
  func learnchat(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
    try run(
      Learnchat.url, arguments,
      environment: ["XDG_STATE_HOME": stateHome].merging(environment) { $1 })
  }

  /// Starts `learnchat arguments...` without waiting.
  func start(_ arguments: [String]) throws -> ChatProcess {
    try ChatProcess(
      name: "learnchat " + (arguments.first ?? ""), executable: Learnchat.url,
      arguments: arguments, environment: ["XDG_STATE_HOME": stateHome])
  }

  /// Runs `program arguments...` (any tool) and waits for it to end.
  func run(
    _ program: URL, _ arguments: [String], environment: [String: String] = [:]
  ) throws -> Run {
    let process = try ChatProcess(
      name: program.lastPathComponent, executable: program, arguments: arguments,
      environment: environment)
    defer { process.terminate() }
    process.closeInput()
    let status = try process.waitForExit(timeout: 60)
    return Run(status: status, output: process.output, errors: process.errorOutput)
  }

  /// The folder exercise `number`'s material goes to unless a test names another.
  func folder(of number: Int) -> String {
    files.path("exercise-\(number)")
  }

  /// `learnchat exercise N` into `dir` (by default `folder(of: N)`), with `--seed` when given;
  /// returns the task printed.
  @discardableResult
  func exercise(_ number: Int, seed: String? = nil, dir: String? = nil) throws -> String {
    let seedArguments = seed.map { ["--seed", $0] } ?? []
    let dir = dir ?? folder(of: number)
    let run = try learnchat(
      ["exercise", String(number), "--dir", dir, "--color", "never", "--width", "300"]
        + seedArguments)
    try #require(run.status == 0, "exercise \(number): \(run.errors)")
    return run.output
  }

  /// The instructor's view: the expected answer for `seed`.
  func expectedAnswer(_ number: Int, seed: String) throws -> String {
    let run = try learnchat(["exercise", String(number), "--seed", seed, "--answer"])
    try #require(run.status == 0, "\(run.errors)")
    let prefix = "Exercise \(number), seed \(seed): "
    try #require(run.output.hasPrefix(prefix), "\(run.output)")
    return String(run.output.dropFirst(prefix.count).dropLast())
  }

  /// `learnchat check N arguments...`.
  func check(_ number: Int, _ arguments: [String]) throws -> Run {
    try learnchat(["check", String(number)] + arguments)
  }

  /// The solver's answer and wrong answers for exercise `number`'s material in `dir` (by default
  /// `folder(of: N)`); `values` are the ones the task gave (a frame number, a text).
  func solve(_ number: Int, dir: String? = nil, _ values: [String] = []) throws -> Solution {
    let run = try run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["python3", Self.solver, String(number), dir ?? folder(of: number)] + values)
    try #require(run.status == 0, "solve.py \(number): \(run.errors)")
    return try JSONDecoder().decode(Solution.self, from: Data(run.output.utf8))
  }

  /// `learnchat exercise N` into `folder(of: N)`, then the solver on that material with the
  /// values the task names (`taskValues`): the start of most exercise tests.
  func exerciseAndSolve(_ number: Int, seed: String? = nil) throws -> (
    task: String, solution: Solution
  ) {
    let task = try exercise(number, seed: seed)
    return (task, try solve(number, try Self.taskValues(number, in: task)))
  }

  /// What exercise `number`'s task names besides its material, which the solver needs too: the
  /// frame to measure (3) or decrypt (4), the text and nonce to seal (5); nothing for the others.
  static func taskValues(_ number: Int, in task: String) throws -> [String] {
    switch number {
    case 3: [try firstMatch(#"does frame (\d+) carry"#, in: task)]
    case 4: [try firstMatch(#"then decrypt frame (\d+)"#, in: task)]
    case 5:
      [
        try firstMatch(#"with no line end\):\n\n +(.+)\n"#, in: task),
        try firstMatch(#"the nonce ([0-9a-f ]+),"#, in: task),
      ]
    default: []
    }
  }

  /// What the solver found.
  struct Solution: Decodable {
    let answer: String
    let wrong: [String: String]
    /// Exercise 5 only: the frame as upper-case hex with colons.
    let hex: String?
  }

  /// A port the OS has just said is free (for a server that must be named before it starts).
  static func freePort() throws -> UInt16 {
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    defer { listener.close() }
    return listener.port
  }
}

/// The first capture of `pattern` in `text`.
func firstMatch(_ pattern: String, in text: String) throws -> String {
  let regex = try Regex(pattern)
  guard let match = text.firstMatch(of: regex), match.count > 1,
    let value = match[1].substring
  else {
    throw ChatProcessError(description: "no match for \(pattern) in:\n\(text)")
  }
  return String(value)
}
