import Foundation
import LearnchatTestSupport
import Testing

/// `--from`, `--to` and `--resume`, as a user types them.
@Suite("Choosing the stages of a lesson")
struct StageRangeTests {
  let lessons = ["--lessons", LearnchatBinary.fixtureLessons]

  static func headings(_ output: String) -> [String] {
    output.split(separator: "\n").filter { $0.hasPrefix("── ") }.map {
      String($0.dropFirst(3).prefix { $0 != " " })
    }
  }

  @Test("--from and --to show, export and write to HTML only that range")
  func range() throws {
    let folder = try TemporaryFolder()
    let run = try LearnchatBinary.run(
      [
        "lesson", "2", "--seed", "r", "--from", "oaep-wrap", "--to", "7", "--export",
        folder.path + "/out", "--html", folder.path + "/page.html",
      ] + lessons)
    #expect(run.status == 0, "\(run.errorOutput)")
    #expect(Self.headings(run.output) == ["6/13", "7/13"])
    #expect(!run.output.contains("Lesson 2: test\n"), "no introduction before stage 6")
    #expect(!run.output.contains("Summary"))

    let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/transcript.json"))
    let transcript = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let stages = try #require(transcript["stages"] as? [[String: Any]])
    #expect(stages.compactMap { $0["id"] as? String } == ["oaep-wrap", "oaep-unwrap"])
    #expect(transcript["from"] as? String == "oaep-wrap")
    #expect(transcript["to"] as? String == "oaep-unwrap")
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out"))
    #expect(files == ["wrapped-key.bin", "frame-2-client-wrapped-key.bin", "transcript.json"])

    let page = try String(contentsOfFile: folder.path + "/page.html", encoding: .utf8)
    #expect(page.contains("id=\"oaep-wrap\""))
    #expect(page.contains("id=\"oaep-unwrap\""))
    #expect(!page.contains("id=\"keygen\""))
    #expect(!page.contains("id=\"nonce\""))
  }

  @Test(
    "a stage that does not exist, or an empty range, is a usage error listing the stages",
    arguments: [
      ["--from", "nope"], ["--to", "14"], ["--from", "0"], ["--from", "8", "--to", "3"],
    ])
  func badStage(arguments: [String]) throws {
    let run = try LearnchatBinary.run(["lesson", "2"] + arguments + lessons)
    #expect(run.status == 64)
    #expect(run.errorOutput.hasPrefix("Error: "))
    #expect(run.errorOutput.contains("its stages are 1 connect, 2 keygen"))
    #expect(run.errorOutput.contains("Usage: learnchat lesson"))
    #expect(run.output.isEmpty)
  }

  @Test("--resume and --from together are a usage error")
  func resumeAndFrom() throws {
    let run = try LearnchatBinary.run(["lesson", "2", "--resume", "--from", "3"] + lessons)
    #expect(run.status == 64)
    #expect(run.errorOutput.contains("--resume and --from"))
  }

  @Test("--resume starts where a stepped run was stopped")
  func resume() throws {
    let state = try TemporaryFolder()
    let environment = ["XDG_STATE_HOME": state.path]
    let stopped = try LearnchatBinary.run(
      ["lesson", "1", "--step"] + lessons, input: "\n\nq\n", environment: environment)
    #expect(stopped.output.contains("Stopped at stage 3/5 (eavesdrop)"))

    let resumed = try LearnchatBinary.run(
      ["lesson", "1", "--resume"] + lessons, environment: environment)
    #expect(resumed.status == 0)
    #expect(resumed.errorOutput == "Resuming lesson 1 at stage 3/5 (eavesdrop).\n")
    #expect(Self.headings(resumed.output) == ["3/5", "4/5", "5/5", "Summary"])

    let finished = try LearnchatBinary.run(
      ["lesson", "1", "--resume"] + lessons, environment: environment)
    #expect(finished.errorOutput == "You finished lesson 1 last time: starting from the start.\n")
    #expect(Self.headings(finished.output).first == "1/5")

    let listing = try LearnchatBinary.run(["lessons"] + lessons, environment: environment)
    #expect(listing.output.contains("progress: finished"))
  }

  @Test("a missing or damaged state file means from the start, with one line saying so")
  func damagedState() throws {
    let state = try TemporaryFolder()
    let environment = ["XDG_STATE_HOME": state.path]
    let fresh = try LearnchatBinary.run(
      ["lesson", "1", "--resume"] + lessons, environment: environment)
    #expect(fresh.status == 0)
    #expect(fresh.errorOutput == "No record of lesson 1 yet: starting from the start.\n")

    try FileManager.default.createDirectory(
      atPath: state.path + "/learnchat", withIntermediateDirectories: true)
    try "{\"version\": 1, \"lessons\": [".write(
      toFile: state.path + "/learnchat/progress.json", atomically: true, encoding: .utf8)
    let damaged = try LearnchatBinary.run(
      ["lesson", "1", "--resume"] + lessons, environment: environment)
    #expect(damaged.status == 0)
    let lines = damaged.errorOutput.split(separator: "\n")
    #expect(lines.count == 2, "\(damaged.errorOutput)")
    #expect(lines.first?.hasPrefix("learnchat: the progress file ") == true)
    #expect(lines.first?.hasSuffix("; starting afresh") == true)
    #expect(lines.last == "No record of lesson 1 yet: starting from the start.")
    #expect(Self.headings(damaged.output).first == "1/5")
  }
}
