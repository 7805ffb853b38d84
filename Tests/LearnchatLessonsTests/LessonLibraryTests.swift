import Foundation
import Testing

@testable import LearnchatLessons

@Suite("Finding and loading lessons")
struct LessonLibraryTests {
  static let checkout = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let lessonsFolder = checkout.appendingPathComponent("lessons").path

  @Test("lesson numbers come from file names")
  func numbers() {
    #expect(LessonLibrary.number(of: "01-plaintext.md") == 1)
    #expect(LessonLibrary.number(of: "12-x.md") == 12)
    #expect(LessonLibrary.number(of: "notes.md") == nil)
    #expect(LessonLibrary.number(of: "7.md") == nil)
  }

  @Test("the repository's lessons load and match their demos")
  func repositoryLessons() throws {
    let lessons = try LessonLibrary.locate(folder: Self.lessonsFolder).lessons()
    #expect(lessons.map(\.number) == [1, 2, 3, 4])
    #expect(lessons.map { $0.text.demo } == ["plaintext", "handshake", "attacks", "fixed"])
  }

  @Test("the lessons the EmbedTextFiles plugin builds in are exactly the files in lessons/")
  func builtInCopyIsCurrent() throws {
    let folder = try LessonLibrary.locate(folder: Self.lessonsFolder).files()
    let builtIn = try LessonLibrary(source: .builtIn).files()
    #expect(folder.map(\.fileName) == builtIn.map(\.fileName))
    #expect(folder.map(\.source) == builtIn.map(\.source))
  }

  @Test("a binary in a checkout's .build finds the checkout's lessons; elsewhere the built-in ones")
  func locating() throws {
    let inCheckout = Self.checkout.appendingPathComponent(".build/debug/learnchat").path
    #expect(
      try LessonLibrary.locate(folder: nil, executablePath: inCheckout).source
        == .folder(Self.lessonsFolder))
    #expect(
      try LessonLibrary.locate(folder: nil, executablePath: "/nonexistent/bin/learnchat").source
        == .builtIn)
  }

  @Test("a missing lesson names the ones available")
  func noSuchLesson() {
    #expect(throws: LessonError.noSuchLesson(number: 7, available: [1, 2, 3, 4])) {
      try LessonLibrary(source: .builtIn).lesson(7)
    }
    #expect(
      LessonError.noSuchLesson(number: 7, available: [1, 2]).description
        == "there is no lesson 7; available: 1, 2")
  }

  @Test("a missing folder, or a file instead of a folder, is reported")
  func badFolders() {
    #expect(throws: LessonError.unreadableFolder(path: "/nonexistent", reason: "no such folder")) {
      try LessonLibrary.locate(folder: "/nonexistent")
    }
    #expect(throws: LessonError.unreadableFolder(path: #filePath, reason: "not a folder")) {
      try LessonLibrary.locate(folder: #filePath)
    }
  }

  @Test("a lesson file that is not UTF-8 is reported")
  func notUTF8() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("learnchat-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data([0x23, 0x20, 0xff, 0xfe]).write(to: folder.appendingPathComponent("03-bad.md"))
    #expect {
      try LessonLibrary.locate(folder: folder.path).lesson(3)
    } throws: { error in
      "\(error)".hasSuffix("03-bad.md: it is not UTF-8 text")
    }
  }
}
