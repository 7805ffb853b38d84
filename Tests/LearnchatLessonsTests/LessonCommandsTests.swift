import Foundation
import LearnchatTestSupport
import Testing

@testable import LearnchatLessons

/// Every shell command the lessons print works as written: each lesson runs as a student runs
/// it (`learnchat lesson N --seed S --export DIR`, the real binary), and every `sh` block of its
/// text, with the run's values filled in, runs in DIR, in order. Where the text says what a
/// command prints, the test checks that it does. Blocks that need root or a live chat on port
/// 5002 are left out (and counted, so a new one cannot slip by unnoticed).
///
/// Python's `cryptography` must be installed; without it the suite is skipped, unless
/// `LEARNCHAT_REQUIRE_PYTHON` is set, when it fails instead.
@Suite("Lesson commands work as written", .enabled(if: PythonTools.ready || PythonTools.required))
struct LessonCommandsTests {
  /// The repository's lessons, the ones built into the binary.
  static let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")
    .path

  /// One `sh` block of a lesson, with the run's values filled in.
  struct Block: CustomStringConvertible {
    let lesson: Int
    /// The stage's id, or `introduction` / `summary`.
    let part: String
    /// Its position among the part's `sh` blocks, from 0.
    let index: Int
    let code: String

    var description: String { "lesson \(lesson) \(part) #\(index)" }

    /// Blocks that need root (tcpdump) or a real chat listening on 5002 or 5003.
    var needsLiveChat: Bool {
      code.contains("sudo ") || code.contains("ss -tn") || code.contains(", 5002)")
        || code.contains(", 5003)")
    }
  }

  /// What a block did.
  struct Outcome {
    let status: Int32
    let output: String
    let errors: String
    /// The folder it ran in.
    let folder: String

    var lines: [String] { output.split(separator: "\n").map(String.init) }

    /// A stage's values from a transcript the block's commands wrote, such as `out4/`.
    func values(_ transcript: String, _ stage: String) throws -> [String: String] {
      let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(transcript)"))
      let decoded = try JSONDecoder().decode(ExportWriter.Transcript.self, from: data)
      return try #require(decoded.stages.first { $0.id == stage }).values
    }
  }

  /// What the text says a block prints, or leaves behind; blocks not listed must succeed.
  struct Expectation: Sendable {
    var fails = false
    let check: @Sendable (Outcome, _ values: [String: String]) throws -> Void
  }

  /// The `sh` blocks of `lesson`, values filled from the run's transcript, in order.
  static func blocks(_ number: Int, transcript: ExportWriter.Transcript) throws -> [Block] {
    let lesson = try LessonLibrary.locate(folder: lessonsFolder).lesson(number)
    let values = Dictionary(uniqueKeysWithValues: transcript.stages.map { ($0.id, $0.values) })
    var parts = [("introduction", lesson.text.introductionDocument)]
    for stage in lesson.stages {
      parts.append((stage.id, lesson.document(for: stage, values: values[stage.id] ?? [:])))
    }
    parts.append(("summary", lesson.text.summaryDocument))
    return parts.flatMap { part, document in
      shellCode(in: document.blocks.map(\.block)).enumerated().map {
        Block(lesson: number, part: part, index: $0.offset, code: $0.element)
      }
    }
  }

  private static func shellCode(in blocks: [MarkdownBlock]) -> [String] {
    blocks.flatMap { block -> [String] in
      switch block {
      case .codeBlock(let info, let literal) where info == "sh": return [literal]
      case .blockQuote(let inner): return shellCode(in: inner)
      case .list(let list): return list.items.flatMap(shellCode(in:))
      default: return []
      }
    }
  }

  @Test("every command of the lesson runs in its export folder", arguments: [1, 2, 3, 4])
  func commands(lesson: Int) throws {
    try #require(
      PythonTools.ready, "python3 with cryptography is needed (LEARNCHAT_REQUIRE_PYTHON)")
    let folder = try TemporaryFolder()
    let binary = try Shell.learnchat()
    let export = try Shell.run(
      "'\(binary)' lesson \(lesson) --seed commands --export . > /dev/null", in: folder.path)
    try #require(export.status == 0, "\(export.errors)")
    let transcript = try JSONDecoder().decode(
      ExportWriter.Transcript.self,
      from: Data(contentsOf: URL(fileURLWithPath: folder.path + "/transcript.json")))
    let values = Dictionary(uniqueKeysWithValues: transcript.stages.map { ($0.id, $0.values) })
    var ran = 0
    var live = 0
    for block in try Self.blocks(lesson, transcript: transcript) {
      if block.needsLiveChat {
        live += 1
        continue
      }
      let result = try Shell.run(block.code, in: folder.path)
      let outcome = Outcome(
        status: result.status, output: result.output, errors: result.errors, folder: folder.path)
      let expectation = Self.expectations[block.description]
      let fails = expectation?.fails ?? false
      #expect(
        (outcome.status != 0) == fails,
        "\(block): exit status \(outcome.status)\n\(block.code)\n\(outcome.errors)")
      try expectation?.check(outcome, values[block.part] ?? [:])
      ran += 1
    }
    // How many blocks each lesson has that can run here, and how many need a live chat: a
    // block added or lost changes these, and the list of expectations should follow.
    let counts = [1: (2, 2), 2: (10, 0), 3: (3, 2), 4: (7, 0)]
    #expect((ran, live) == counts[lesson].map { ($0.0, $0.1) } ?? (0, 0), "lesson \(lesson)")
  }

  @Test("every expectation names a block that exists")
  func expectationsMatchBlocks() throws {
    var names: Set<String> = []
    for lesson in 1...4 {
      let lessonFile = try LessonLibrary.locate(folder: Self.lessonsFolder).lesson(lesson)
      let empty = ExportWriter.Transcript(
        lesson: lesson, title: "", demo: "", seed: nil, complete: true, from: "", to: "",
        files: [],
        stages: lessonFile.stages.map {
          .init(
            id: $0.id, title: "", actor: "", values: [:], outcome: nil, console: [], records: [])
        })
      names.formUnion(try Self.blocks(lesson, transcript: empty).map(\.description))
    }
    #expect(Set(Self.expectations.keys).subtracting(names).isEmpty)
  }
}
