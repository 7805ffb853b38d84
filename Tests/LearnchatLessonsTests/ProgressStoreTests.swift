import Foundation
import LearnchatTestSupport
import Testing

@testable import LearnchatLessons

/// The progress file: where it lives, how it is written, and what happens when it is damaged.
@Suite("Progress kept between runs")
struct ProgressStoreTests {
  final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) {
      lock.lock()
      lines.append(line)
      lock.unlock()
    }
    var all: [String] {
      lock.lock()
      defer { lock.unlock() }
      return lines
    }
  }

  static func place(_ stage: String, _ number: Int) -> ProgressRecord.LessonPlace {
    ProgressRecord.LessonPlace(
      stage: stage, number: number, stageCount: 13, furthest: number, finished: false)
  }

  @Test("XDG_STATE_HOME when absolute, else HOME/.local/state, else none")
  func defaultPath() {
    #expect(
      ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
        == "/s/learnchat/progress.json")
    #expect(
      ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])
        == "/h/.local/state/learnchat/progress.json")
    #expect(
      ProgressStore.defaultPath(environment: ["HOME": "/h"])
        == "/h/.local/state/learnchat/progress.json")
    #expect(ProgressStore.defaultPath(environment: [:]) == nil)
  }

  @Test("a change is saved, creating private folders, and read back by another store")
  func roundTrip() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/state/learnchat/progress.json"
    let warnings = Warnings()
    let store = ProgressStore(path: path, warn: warnings.append)
    #expect(store.load() == ProgressRecord(), "a missing file is an empty record")
    store.update { $0.lessons["2"] = Self.place("oaep-wrap", 6) }
    let again = ProgressStore(path: path, warn: warnings.append).load()
    #expect(again.place(ofLesson: 2) == Self.place("oaep-wrap", 6))
    let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/state")
    #expect((attributes[.posixPermissions] as? Int) == 0o700)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: folder.path + "/state/learnchat")
    #expect(Set(leftovers) == ["progress.json", "progress.json.lock"], "no temporary files left")
    #expect(warnings.all.isEmpty)
  }

  @Test(
    "a damaged file is reported once, in one line, and treated as empty",
    arguments: [
      ("{ not json", "not valid JSON"), ("{\"lessons\": {}}", "no \"version\" field"),
      ("{\"version\": 99}", "has version 99"),
      ("{\"version\": 1, \"lessons\": {\"2\": {\"stage\": 5}}}", "a wrong value"),
    ])
  func damaged(contents: String, reason: String) throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/progress.json"
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    let warnings = Warnings()
    let store = ProgressStore(path: path, warn: warnings.append)
    #expect(store.load() == ProgressRecord())
    #expect(store.load() == ProgressRecord())
    #expect(warnings.all.count == 1)
    let warning = try #require(warnings.all.first)
    #expect(warning.contains(path) && warning.contains(reason), "\(warning)")
    #expect(!warning.contains("\n"))
    // The next change starts from an empty record and replaces the damaged file.
    store.update { $0.lessons["1"] = Self.place("send", 2) }
    #expect(ProgressStore(path: path, warn: { _ in }).load().place(ofLesson: 1) != nil)
  }

  @Test("a file too large to be a progress record is not read")
  func tooLarge() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/progress.json"
    try Data(repeating: 0x20, count: ProgressStore.maximumSize + 1).write(
      to: URL(fileURLWithPath: path))
    let warnings = Warnings()
    #expect(ProgressStore(path: path, warn: warnings.append).load() == ProgressRecord())
    #expect(warnings.all.first?.contains("too large") == true)
  }

  @Test("a folder that cannot be written is reported, not thrown")
  func unwritable() throws {
    let warnings = Warnings()
    let store = ProgressStore(path: "/proc/learnchat/progress.json", warn: warnings.append)
    store.update { $0.lessons["1"] = Self.place("send", 2) }
    #expect(warnings.all.count == 1)
    #expect(warnings.all.first?.hasPrefix("cannot save progress to /proc/learnchat") == true)
  }

  @Test("changes from many threads at once are all kept")
  func concurrentUpdates() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/progress.json"
    DispatchQueue.concurrentPerform(iterations: 40) { index in
      // A store each, as separate processes would have.
      ProgressStore(path: path, warn: { _ in }).update {
        $0.lessons[String(index)] = Self.place("stage-\(index)", index)
      }
    }
    let record = ProgressStore(path: path, warn: { _ in }).load()
    #expect(record.lessons.count == 40)
  }
}
