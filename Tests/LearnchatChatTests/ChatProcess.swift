import Foundation
import Glibc
import Testing

/// A test failed waiting for a process: what it waited for, and everything the process printed.
struct ChatProcessError: Error, CustomStringConvertible {
  let description: String
}

/// A real process (learnchat or the Python peer) driven through pipes.
///
/// A background thread collects standard output as lines, another standard error; the waits
/// block on a condition that those threads signal, never on a sleep. Every wait has a generous
/// deadline (``ChatProcess/deadline``) only as a safety net: when it expires the test fails with
/// the output so far instead of hanging.
final class ChatProcess: @unchecked Sendable {
  // Sendable: every mutable property below is guarded by `condition`.

  /// How long any wait may take before the test fails; nothing comes near it when the code works.
  static let deadline: TimeInterval = 20

  /// A short name for messages, such as "learnchat serve".
  let name: String
  private let process = Process()
  private let input = Pipe()
  private let condition = NSCondition()
  private var outputBytes: [UInt8] = []
  private var lines: [String] = []
  private var partialLine: [UInt8] = []
  /// The next line ``waitForLine(containing:timeout:)`` looks at: waits see lines in order.
  private var cursor = 0
  private var outputEnded = false
  private var errorBytes: [UInt8] = []
  private var errorEnded = false
  private var exited = false
  private var inputClosed = false

  /// Starts `executable arguments...` with all three standard streams on pipes, with
  /// `environment` added to this process's.
  init(
    name: String, executable: URL, arguments: [String], environment: [String: String] = [:]
  ) throws {
    Self.ignoreBrokenPipes
    self.name = name
    let output = Pipe()
    let errorOutput = Pipe()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errorOutput
    process.terminationHandler = { [weak self] _ in
      guard let self else { return }
      condition.lock()
      exited = true
      condition.broadcast()
      condition.unlock()
    }
    try process.run()
    // The child has its own copies; ours must go, or the readers would never see end of file.
    try? output.fileHandleForWriting.close()
    try? errorOutput.fileHandleForWriting.close()
    try? input.fileHandleForReading.close()
    startReading(output.fileHandleForReading, isError: false)
    startReading(errorOutput.fileHandleForReading, isError: true)
  }

  /// Writing to a child that has exited must fail with EPIPE, not kill the test run.
  private static let ignoreBrokenPipes: Void = {
    signal(SIGPIPE, SIG_IGN)
  }()

  /// The process id.
  var pid: Int32 { process.processIdentifier }

  // MARK: - Reading

  private func startReading(_ handle: FileHandle, isError: Bool) {
    Thread.detachNewThread { [self] in
      let descriptor = handle.fileDescriptor
      var buffer = [UInt8](repeating: 0, count: 65_536)
      while true {
        let count = buffer.withUnsafeMutableBytes {
          Glibc.read(descriptor, $0.baseAddress, $0.count)
        }
        if count < 0 && errno == EINTR { continue }
        condition.lock()
        if count <= 0 {
          if isError {
            errorEnded = true
          } else {
            outputEnded = true
            if !partialLine.isEmpty { lines.append(String(decoding: partialLine, as: UTF8.self)) }
            partialLine = []
          }
        } else if isError {
          errorBytes += buffer[..<count]
        } else {
          appendOutput(buffer[..<count])
        }
        condition.broadcast()
        condition.unlock()
        if count <= 0 { break }
      }
      try? handle.close()
    }
  }

  /// Called with `condition` locked.
  private func appendOutput(_ bytes: ArraySlice<UInt8>) {
    outputBytes += bytes
    for byte in bytes {
      if byte == UInt8(ascii: "\n") {
        lines.append(String(decoding: partialLine, as: UTF8.self))
        partialLine = []
      } else {
        partialLine.append(byte)
      }
    }
  }

  /// Everything printed on standard output so far.
  var output: String { String(decoding: rawOutput, as: UTF8.self) }

  /// Standard output's bytes so far, exactly as printed.
  var rawOutput: [UInt8] {
    condition.lock()
    defer { condition.unlock() }
    return outputBytes
  }

  /// Everything printed on standard error so far.
  var errorOutput: String {
    condition.lock()
    defer { condition.unlock() }
    return String(decoding: errorBytes, as: UTF8.self)
  }

  /// The lines printed so far, the last one possibly incomplete (such as a `You: ` prompt).
  var outputLines: [String] {
    condition.lock()
    defer { condition.unlock() }
    return lines + (partialLine.isEmpty ? [] : [String(decoding: partialLine, as: UTF8.self)])
  }

  /// Waits for the next line, after those earlier waits returned, that contains `text`, and
  /// returns it; lines in between are passed over.
  ///
  /// - Throws: when the process's output ends without such a line, or the deadline passes.
  @discardableResult
  func waitForLine(containing text: String, timeout: TimeInterval = deadline) throws -> String {
    let limit = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let index = lines[cursor...].firstIndex(where: { $0.contains(text) }) {
        cursor = index + 1
        return lines[index]
      }
      if outputEnded {
        throw failure("its output ended without a line containing \(quoted(text))")
      }
      if !condition.wait(until: limit) && Date() >= limit {
        throw failure("no line containing \(quoted(text)) within \(Int(timeout)) s")
      }
    }
  }

  /// Waits for the next line containing `marker` and expects it to be `expected`, whole.
  func expectLine(
    containing marker: String, toBe expected: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let line = try waitForLine(containing: marker)
    #expect(line == expected, "\(name)", sourceLocation: sourceLocation)
  }

  /// Waits for the server's next `[!]` line about a connection, `[!] ('127.0.0.1', PORT): ...`,
  /// and expects what follows the peer to start with `expected` (a hint may follow).
  func expectComplaint(
    startingWith expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let line = try waitForLine(containing: "[!]")
    let reason = line.replacing(#/^\[!\] \('[^']*', \d+\): /#, with: "[!] ")
    #expect(line != reason, "\(name): no peer named in \(line)", sourceLocation: sourceLocation)
    #expect(reason.hasPrefix(expected), "\(name): \(line)", sourceLocation: sourceLocation)
  }

  /// The lines not yet passed by ``waitForLine(containing:timeout:)``, complete ones only.
  var linesSinceLastWait: [String] {
    condition.lock()
    defer { condition.unlock() }
    return Array(lines[cursor...])
  }

  /// A failure naming what was awaited, with the output so far. Called with `condition` locked.
  private func failure(_ what: String) -> ChatProcessError {
    let output = String(decoding: outputBytes, as: UTF8.self)
    let errors = String(decoding: errorBytes, as: UTF8.self)
    return ChatProcessError(
      description: """
        \(name): \(what).
        --- standard output so far ---
        \(output)
        --- standard error so far ---
        \(errors)
        """)
  }

  private func quoted(_ text: String) -> String { "\"\(text)\"" }

  // MARK: - Writing

  /// Types `line` (a newline is added).
  func send(_ line: String) throws {
    let handle = input.fileHandleForWriting
    do {
      try handle.write(contentsOf: Data((line + "\n").utf8))
    } catch {
      condition.lock()
      defer { condition.unlock() }
      throw failure("could not type \(quoted(line)): \(error)")
    }
  }

  /// Ends standard input, as Ctrl-D would.
  func closeInput() {
    condition.lock()
    let wasClosed = inputClosed
    inputClosed = true
    condition.unlock()
    if !wasClosed { try? input.fileHandleForWriting.close() }
  }

  // MARK: - Ending

  /// Waits for the process to exit and for its output to end; returns its exit status.
  ///
  /// - Throws: when the deadline passes first; the process is then killed.
  @discardableResult
  func waitForExit(timeout: TimeInterval = deadline) throws -> Int32 {
    let limit = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    while !(exited && outputEnded && errorEnded) {
      if !condition.wait(until: limit) && Date() >= limit {
        let error = failure("did not exit within \(Int(timeout)) s")
        condition.unlock()
        terminate()
        throw error
      }
    }
    condition.unlock()
    releaseFoundationRunLoopSource()
    return process.terminationStatus
  }

  /// Lets Foundation's `Process` go. On Linux, `run()` gives the process a run-loop source that
  /// retains the `Process` itself, and only `waitUntilExit()` drops it; a process awaited only
  /// through `terminationHandler` (as here) would otherwise stay in that cycle, leaked. Call it
  /// once the process has exited: it then returns at once.
  private func releaseFoundationRunLoopSource() {
    process.waitUntilExit()
  }

  /// Waits for the process to exit and expects `expected` as its status.
  func expectExit(_ expected: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let status = try waitForExit()
    #expect(
      status == expected, "\(name) exited with \(status); standard error: \(errorOutput)",
      sourceLocation: sourceLocation)
  }

  /// Kills the process if it is still running and waits (bounded) for it to go; for `defer`.
  func terminate() {
    closeInput()
    condition.lock()
    let running = !exited
    condition.unlock()
    if running { kill(process.processIdentifier, SIGKILL) }
    let limit = Date(timeIntervalSinceNow: Self.deadline)
    condition.lock()
    while !(exited && outputEnded && errorEnded) && condition.wait(until: limit) {}
    let hasExited = exited
    condition.unlock()
    if hasExited { releaseFoundationRunLoopSource() }
  }

  /// The process's peak resident memory so far (`VmHWM` in `/proc/PID/status`), in bytes.
  func peakMemory() throws -> Int {
    let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      if fields.count == 3, fields[2] == "kB", let kibibytes = Int(fields[1]) {
        return kibibytes * 1024
      }
    }
    throw ChatProcessError(description: "no VmHWM line in /proc/\(pid)/status:\n\(status)")
  }
}
