import Foundation
import LearnchatTestSupport
import Testing

/// Where `--html` and `--export` write: checked before the lesson runs, one line per problem,
/// and an export never mixed with another run's files.
@Suite("learnchat lesson: --html and --export targets")
struct OutputTargetTests {
  let lessons = ["--lessons", LearnchatBinary.fixtureLessons]

  @Test(
    "a target that cannot be written is one line before the lesson runs",
    arguments: [
      (
        ["--html", "/nonexistent/page.html"],
        "learnchat: cannot write /nonexistent/page.html: there is no folder /nonexistent\n"
      ),
      (["--html", "/tmp"], "learnchat: cannot write /tmp: it is a folder\n"),
      (
        ["--export", "/etc/hostname"], "learnchat: cannot write /etc/hostname: it is not a folder\n"
      ),
    ])
  func unwritable(arguments: [String], expected: String) throws {
    let run = try LearnchatBinary.run(["lesson", "2"] + arguments + lessons)
    #expect(run.status == 1)
    #expect(run.errorOutput == expected)
    #expect(run.output.isEmpty, "nothing of the lesson is shown before the target is checked")
  }

  @Test("an export into a folder holding other files is refused, naming them")
  func foreignFolder() throws {
    let folder = try TemporaryFolder()
    try "mine".write(toFile: folder.path + "/notes.txt", atomically: true, encoding: .utf8)
    let run = try LearnchatBinary.run(["lesson", "1", "--export", folder.path] + lessons)
    #expect(run.status == 1)
    #expect(
      run.errorOutput
        == "learnchat: cannot write \(folder.path): it holds files that are not an earlier "
        + "learnchat export (notes.txt); choose an empty or new folder\n")
    #expect(run.output.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
  }

  @Test("an earlier export is replaced whole: no file of the first run is left")
  func replacesEarlierExport() throws {
    let folder = try TemporaryFolder()
    let out = folder.path + "/out"
    let first = try LearnchatBinary.run(["lesson", "2", "--seed", "a", "--export", out] + lessons)
    #expect(first.status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).contains("session-key.bin"))
    let second = try LearnchatBinary.run(["lesson", "1", "--export", out] + lessons)
    #expect(second.status == 0, "\(second.errorOutput)")
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: out))
    #expect(files == ["01-client-message.bin", "transcript.json"])
  }
}
