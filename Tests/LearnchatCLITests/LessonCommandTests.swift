import Foundation
import LearnchatTestSupport
import Testing

/// `learnchat lessons` and `learnchat lesson N`, run as the real binary.
@Suite("learnchat lesson")
struct LessonCommandTests {
  let lessons = ["--lessons", LearnchatBinary.fixtureLessons]

  @Test("lessons lists number, title and stages")
  func listing() throws {
    // A state folder of its own: other tests finish lessons in the shared one, concurrently.
    let state = try TemporaryFolder()
    let run = try LearnchatBinary.run(
      ["lessons"] + lessons, environment: ["XDG_STATE_HOME": state.path])
    #expect(run.status == 0)
    #expect(run.output.contains("1  Lesson 1: fixture"))
    #expect(run.output.contains("stages:   connect, send, eavesdrop, two-sends, exit"))
    #expect(run.output.contains("progress: not started"))
    #expect(run.output.contains("2  Lesson 2: test"))
  }

  @Test("a copy of the binary elsewhere still runs every lesson, built in")
  func builtIn() throws {
    let folder = try TemporaryFolder()
    let copy = URL(fileURLWithPath: folder.path + "/learnchat")
    try LearnchatBinary.copy(to: copy.path)
    let list = try LearnchatBinary.run(["lessons"], executable: copy)
    #expect(list.output.hasPrefix("Lessons from the copy built into learnchat:"))
    #expect(list.status == 0)
    for number in 1...4 {
      let run = try LearnchatBinary.run(
        ["lesson", String(number), "--color", "never"], executable: copy)
      #expect(run.status == 0, "lesson \(number): \(run.errorOutput)")
      #expect(run.output.hasPrefix("Lesson \(number): "), "lesson \(number)")
    }
  }

  @Test("a lesson that does not exist is a usage error naming the ones that do")
  func noSuchLesson() throws {
    let run = try LearnchatBinary.run(["lesson", "7"] + lessons)
    #expect(run.status == 64)
    #expect(run.errorOutput.hasPrefix("Error: there is no lesson 7; available: 1, 2, 3, 4\n"))
    #expect(run.errorOutput.contains("Usage: learnchat lesson"))
  }

  @Test("a bad --width is a usage error")
  func badWidth() throws {
    let run = try LearnchatBinary.run(["lesson", "1", "--width", "5"] + lessons)
    #expect(run.status == 64)
    #expect(run.errorOutput.hasPrefix("Error: --width must be between 20 and 1000, not 5\n"))
  }

  @Test("an unreadable lessons folder is one line and exit status 1")
  func unreadableFolder() throws {
    let run = try LearnchatBinary.run(["lesson", "1", "--lessons", "/nonexistent/lessons"])
    #expect(run.status == 1)
    #expect(
      run.errorOutput
        == "learnchat: cannot read the lessons folder /nonexistent/lessons: no such folder\n")
    #expect(run.output.isEmpty)
  }

  @Test("a malformed lesson file is one line naming the file and the problem")
  func malformedLesson() throws {
    let folder = try TemporaryFolder()
    try "# Broken\n\nNo demo marker.\n".write(
      toFile: folder.path + "/01-broken.md", atomically: true, encoding: .utf8)
    let run = try LearnchatBinary.run(["lesson", "1", "--lessons", folder.path])
    #expect(run.status == 1)
    #expect(run.errorOutput.hasPrefix("learnchat: 01-broken.md: it names no demo"))
    #expect(run.errorOutput.filter { $0 == "\n" }.count == 1)
  }

  @Test("two runs with the same seed print byte-identical output")
  func seeded() throws {
    let first = try LearnchatBinary.run(["lesson", "2", "--seed", "s", "--width", "80"] + lessons)
    let second = try LearnchatBinary.run(["lesson", "2", "--seed", "s", "--width", "80"] + lessons)
    #expect(first.status == 0)
    #expect(first.output == second.output)
    #expect(first.output.contains("13/13 · client · exit, and closing"))
    #expect(!first.output.contains("\u{1B}["), "no colour when output is not a terminal")
  }

  @Test("--color always colours even into a pipe, NO_COLOR does not override it")
  func colorAlways() throws {
    let run = try LearnchatBinary.run(
      ["lesson", "1", "--color", "always"] + lessons, environment: ["NO_COLOR": "1"])
    #expect(run.status == 0)
    #expect(run.output.contains("\u{1B}["))
  }

  @Test("--theme picks the colours; without it LEARNCHAT_THEME, then COLORFGBG")
  func theme() throws {
    // The server's colour in each theme: 24 light, 51 high-contrast, 80 dark.
    func serverInk(_ arguments: [String], _ environment: [String: String]) throws -> String? {
      let run = try LearnchatBinary.run(
        ["lesson", "1", "--seed", "t", "--color", "always"] + arguments + lessons,
        environment: ["LEARNCHAT_THEME": "", "COLORFGBG": ""].merging(environment) { $1 })
      #expect(run.status == 0)
      return run.output.firstMatch(of: /\u{1B}\[38;5;([0-9]+)m── 1\/5 · server/).map {
        String($0.1)
      }
    }
    #expect(try serverInk(["--theme", "light"], ["LEARNCHAT_THEME": "high-contrast"]) == "24")
    #expect(try serverInk([], ["LEARNCHAT_THEME": "high-contrast", "COLORFGBG": "0;15"]) == "51")
    #expect(try serverInk([], ["COLORFGBG": "0;15"]) == "24")
    #expect(try serverInk([], ["COLORFGBG": "15;0"]) == "80")
    #expect(try serverInk([], [:]) == "80")
  }

  @Test("an unknown --theme is a usage error")
  func badTheme() throws {
    let run = try LearnchatBinary.run(["lesson", "1", "--theme", "blue"] + lessons)
    #expect(run.status == 64)
    #expect(run.errorOutput.contains("--theme"))
    #expect(run.output.isEmpty)
  }

  @Test("--step driven by a pipe: one line per pause, q quits cleanly")
  func stepThroughPipe() throws {
    let run = try LearnchatBinary.run(["lesson", "1", "--step"] + lessons, input: "\n\nq\n")
    #expect(run.status == 0)
    #expect(run.output.contains("3/5 · wire"))
    #expect(!run.output.contains("4/5"))
    #expect(
      run.output.contains(
        "Stopped at stage 3/5 (eavesdrop). Resume with: learnchat lesson 1 --step --resume"))
  }

  @Test("--step at the end of input runs on to the end instead of hanging")
  func stepEndOfInput() throws {
    let run = try LearnchatBinary.run(["lesson", "1", "--step"] + lessons, input: "\n")
    #expect(run.status == 0)
    #expect(run.output.contains("5/5 · client"))
    #expect(run.output.contains("The end."))
  }

  @Test("--export and --html write the run's files")
  func exportAndHTML() throws {
    let folder = try TemporaryFolder()
    let run = try LearnchatBinary.run(
      [
        "lesson", "2", "--seed", "x", "--export", folder.path + "/out", "--html",
        folder.path + "/l.html",
      ]
        + lessons)
    #expect(run.status == 0)
    #expect(run.errorOutput.contains("wrote 11 files to"))
    let transcript = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/transcript.json")))
    #expect((transcript as? [String: Any])?["seed"] as? String == "x")
    let wrapped = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/wrapped-key.bin"))
    #expect(wrapped.count == 256)
    let page = try String(contentsOfFile: folder.path + "/l.html", encoding: .utf8)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("<pre class=\"hexdump\""))
  }

  @Test(
    "--html: stages numbered in the lesson, a stage list, the footer dated by SOURCE_DATE_EPOCH")
  func htmlPage() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/lesson.html"
    let run = try LearnchatBinary.run(
      ["lesson", "1", "--seed", "<s>", "--html", path] + lessons,
      environment: ["SOURCE_DATE_EPOCH": "1000000000"])
    #expect(run.status == 0)
    let page = try String(contentsOfFile: path, encoding: .utf8)
    #expect(page.contains("<nav class=\"stages\""))
    #expect(page.contains("<a href=\"#eavesdrop\"><span class=\"number\">3/5</span>"))
    #expect(page.contains("id=\"eavesdrop\" data-stage=\"3\""))
    #expect(page.contains("<time datetime=\"2001-09-09\">2001-09-09</time>"))
    #expect(page.contains("<span class=\"seed\">seed <code>&lt;s&gt;</code></span>"))
    #expect(page.contains("<span class=\"lesson\">Lesson 1: fixture</span>"))
  }

  @Test("output into a pipe that closes early ends quietly")
  func closedPipe() throws {
    let script =
      "set -o pipefail; '\(LearnchatBinary.url.path)' lesson 2 --lessons '\(LearnchatBinary.fixtureLessons)' | head -1"
    let run = try CapturedProcess.bash(script)
    #expect(run.status == 0)
    #expect(run.outputText == "Lesson 2: test\n")
    #expect(run.errorOutput.isEmpty)
  }
}
