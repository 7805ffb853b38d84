import Foundation
import LearnchatLessons
import Testing

/// FuzzLesson found that a lesson file with "\r" line endings crashed the loader: it split
/// lines at "\n" only, while cmark, whose line numbers it cuts at, also ends lines at "\r\n"
/// and "\r". Files saved with Windows or old Mac line endings load as their "\n" twins.
@Suite struct LessonLineEndingTests {
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().appendingPathComponent("Fixtures/lessons")

  @Test(arguments: ["\r\n", "\r"])
  func lessonsLoadWithAnyLineEnding(ending: String) throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
      .filter { $0.hasSuffix(".md") }.sorted()
    #expect(!files.isEmpty)
    for file in files {
      let text = try String(
        contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8)
      let converted = text.replacingOccurrences(of: "\n", with: ending)
      let expected = try LessonParser.parse(text, fileName: file)
      #expect(try LessonParser.parse(converted, fileName: file) == expected, "\(file)")
    }
  }
}
