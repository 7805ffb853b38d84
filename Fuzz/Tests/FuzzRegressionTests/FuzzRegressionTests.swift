import Foundation
import Testing

@testable import LearnchatFuzzCore

/// The fuzz targets' inputs replayed in ordinary test runs: every seed in Fuzz/corpus/<target>/
/// through the same function the fuzzer calls, and every past finding in
/// Fuzz/regressions/<target>/ through the fuzz executable, so a fixed crash stays fixed.
@Suite struct FuzzRegressionTests {
  /// The Fuzz folder: this file is in Fuzz/Tests/FuzzRegressionTests/.
  static let fuzzFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func inputs(_ kind: String, for target: FuzzTarget) -> [URL] {
    FuzzTarget.files(
      at: fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.name))
  }

  /// The Markdown files in the repository folders `Fuzz/seed-folders/<target>.txt` lists
  /// (lessons, exercises, test fixtures): seeds where they are, as `scripts/fuzz` uses them.
  static func repositorySeeds(for target: FuzzTarget) throws -> [URL] {
    let list = fuzzFolder.appendingPathComponent("seed-folders/\(target.name).txt")
    guard FileManager.default.fileExists(atPath: list.path) else { return [] }
    let root = fuzzFolder.deletingLastPathComponent()
    return try String(contentsOf: list, encoding: .utf8).split(separator: "\n").flatMap {
      FuzzTarget.files(at: root.appendingPathComponent(String($0)))
        .filter { $0.pathExtension == "md" }
    }
  }

  /// In this process: a seed that crashes takes the test run down with the failed check's
  /// message, as it would the fuzzer.
  @Test(arguments: FuzzTarget.all.map(\.name))
  func seedCorpusRunsCleanly(target name: String) throws {
    let target = try #require(FuzzTarget.all.first { $0.name == name })
    let seeds = try Self.inputs("corpus", for: target) + Self.repositorySeeds(for: target)
    #expect(!seeds.isEmpty, "no seeds in Fuzz/corpus/\(name); run FuzzSeeds")
    for file in seeds { target.run([UInt8](try Data(contentsOf: file))) }
  }

  /// In a child process, the replaying build of the fuzz executable (beside this test bundle),
  /// in a session of its own: no terminal, as for a server's peer, and standard input
  /// guarded (`StandardInputGuard`). A finding that comes back fails this test with the
  /// replay's report instead of crashing or hanging the test run; one that reads the terminal
  /// or standard input, as OpenSSL's PEM pass-phrase prompt does, is caught too.
  @Test(arguments: FuzzTarget.all.map(\.name))
  func pastFindingsStayFixed(target name: String) throws {
    let target = try #require(FuzzTarget.all.first { $0.name == name })
    let files = Self.inputs("regressions", for: target)
    guard !files.isEmpty else { return }
    let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("LearnchatFuzz")
    try #require(
      FileManager.default.isExecutableFile(atPath: binary.path),
      "\(binary.path) is missing: swift build builds it")

    let process = Process()
    // setsid: a new session, without a controlling terminal (--wait: its exit status).
    // timeout: a replay that hangs is killed, with a signal no handler can catch.
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
    process.arguments =
      ["--wait", "/usr/bin/timeout", "--signal=KILL", "120", binary.path, name] + files.map(\.path)
    let output = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()

    #expect(
      process.terminationReason == .exit && process.terminationStatus == 0,
      "\(name) failed on a past finding (status \(process.terminationStatus)):\n\(report)")
    #expect(!report.localizedCaseInsensitiveContains("pass phrase"), "\(report)")
  }

  /// The conversation seeds still get through the handshakes with the fixed keys and open
  /// every message; if they stopped (new keys, a changed protocol), the fuzzers would stall at
  /// the handshake. Rerun FuzzSeeds then.
  @Test func conversationSeedsReachTheMessages() throws {
    func seed(_ target: FuzzTarget) throws -> [UInt8] {
      let file = Self.fuzzFolder.appendingPathComponent("corpus/\(target.name)/conversation")
      return [UInt8](try Data(contentsOf: file))
    }
    #expect(Demo2Fuzz.server(try seed(.demo2Server)) == 4)
    #expect(Demo2Fuzz.client(try seed(.demo2Client)) == 2)
    #expect(Demo3Fuzz.client(try seed(.demo3Client)) == 3)
  }

  /// Every seed folder is a registered target's, and every target has one: scripts/fuzz lists
  /// the targets from those folders, so none is left out of the fuzzing or of this test.
  @Test func everySeedFolderIsARegisteredTarget() throws {
    let folders = try FileManager.default.contentsOfDirectory(
      atPath: Self.fuzzFolder.appendingPathComponent("corpus").path
    ).sorted()
    #expect(folders == FuzzTarget.all.map(\.name).sorted())
  }
}
