import Foundation
import LearnchatWire
import Testing

@testable import LearnchatLessons

/// The path and error helpers that stand in for NSString's and NSError's (not in
/// FoundationEssentials, the only Foundation learnchat loads).
@Suite struct FileHelpersTests {
  @Test(
    "a path's folder is what NSString.deletingLastPathComponent gives",
    arguments: [
      "/tmp/scratch.tiff", "/tmp/lock/", "/tmp/", "scratch.tiff", "/", "/a", "a/b/c.html",
      "a/b//c", "out/page.html",
    ])
  func folderOfPath(path: String) {
    #expect(FilePath.folder(of: path) == (path as NSString).deletingLastPathComponent)
  }

  @Test(
    "a name inside a folder is what NSString.appendingPathComponent gives",
    arguments: [("/tmp", "x.md"), ("/tmp/", "x.md"), ("", "x.md"), ("lessons", "01-a.md")])
  func nameInsideFolder(folder: String, name: String) {
    #expect(
      FilePath.appending(name, to: folder)
        == (folder as NSString).appendingPathComponent(name))
  }

  @Test func reasonOfAFileErrorIsTheSystemsWords() {
    #expect(throws: (any Error).self) {
      do {
        _ = try FileManager.default.contentsOfDirectory(atPath: "/no/such/learnchat/folder")
      } catch {
        #expect(FileErrorReason.of(error) == "No such file or directory")
        throw error
      }
    }
    #expect(FileErrorReason.of(POSIXError(.EACCES)) == "Permission denied")
    #expect(
      FileErrorReason.of(SystemError(call: "open", errno: ENOENT)) == "No such file or directory")
  }

  @Test(
    "trimming takes only the characters asked for, at either end",
    arguments: [
      (" \t <!-- x --> \n", "<!-- x -->"), ("\n\nabc\n", "abc"), ("  ", ""), ("a b", "a b"),
    ])
  func trimming(text: String, trimmed: String) {
    #expect(text.trimming(where: \.isWhitespace) == trimmed)
  }

  @Test func whiteSpaceTrimmingKeepsLineBreaks() {
    #expect(" \u{00A0}dark\t\n".trimmingWhiteSpace() == "dark\t\n")
    #expect("\t light  ".trimmingWhiteSpace() == "light")
  }
}
