import Foundation
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

  static let expectations: [String: Expectation] = [
    "lesson 1 eavesdrop #1": Expectation { run, values in
      let hex = try #require(values["message_hex"])
      #expect(run.lines == [hex])
    },
    "lesson 1 two-sends #0": Expectation { run, _ in
      #expect(run.output.contains("How are you?"))
    },
    "lesson 2 keygen #0": Expectation { run, _ in
      for field in ["modulus:", "publicExponent: 65537 (0x10001)", "prime1:", "prime2:"] {
        #expect(run.output.contains(field))
      }
    },
    "lesson 2 pem-export #0": Expectation { run, _ in
      #expect(run.output.contains("19:d=1  hl=4 l= 271 prim:  BIT STRING"))
      #expect(run.output.contains("INTEGER           :010001"))
    },
    "lesson 2 public-key-frame #0": Expectation { run, values in
      let prefix = try #require(values["length_prefix"])
      #expect(run.lines == [prefix])
    },
    "lesson 2 session-key #0": Expectation { run, _ in
      #expect(run.lines.count == 1 && run.lines[0].count == 64)
    },
    "lesson 2 oaep-wrap #0": Expectation { run, _ in
      let mine = try Data(contentsOf: URL(fileURLWithPath: run.folder + "/wrapped.bin"))
      let runs = try Data(contentsOf: URL(fileURLWithPath: run.folder + "/wrapped-key.bin"))
      #expect(mine.count == 256)
      #expect(mine != runs, "OAEP's randomness makes every wrap differ")
    },
    "lesson 2 oaep-unwrap #0": Expectation { run, values in
      #expect(
        Self.xxdHex(run.output) == values["session_key"]?.replacingOccurrences(of: " ", with: ""))
    },
    "lesson 2 nonce #0": Expectation { run, _ in
      #expect(run.lines.count == 2 && run.lines[0] == run.lines[1])
    },
    "lesson 2 seal #0": Expectation { run, values in
      let ciphertext = try #require(values["ciphertext"])
      let tag = try #require(values["tag"])
      #expect(run.lines == ["ciphertext: \(ciphertext)", "tag:        \(tag)"])
    },
    "lesson 2 message-frame #0": Expectation { run, values in
      let prefix = try #require(values["length_prefix"])
      let length = try #require(values["body_length"])
      #expect(run.lines.first == "length     \(prefix) = \(length)")
    },
    "lesson 2 decrypt #0": Expectation(fails: true) { run, _ in
      #expect(run.lines == [HandshakeWalkthrough.message])
      #expect(run.errors.contains("cryptography.exceptions.InvalidTag"))
    },
    "lesson 3 tamper-bit #0": Expectation(fails: true) { run, _ in
      #expect(run.lines == ["b'Leet me at noon.'"])
      #expect(run.errors.contains("cryptography.exceptions.InvalidTag"))
    },
    "lesson 3 nonce-reuse #0": Expectation { run, values in
      let xor = try #require(values["xor"])
      #expect(run.lines == [xor])
    },
    "lesson 3 nonce-reuse #1": Expectation { run, _ in
      let exported = try run.values("out3/transcript.json", "nonce-reuse")
      let nonce = try #require(exported["nonce"])
      #expect(
        run.lines == ["nonce 1: \(nonce)", "nonce 2: \(nonce)", "The door code is 4172, come in."])
    },
    "lesson 4 introduction #0": Expectation { run, _ in
      #expect(FileManager.default.fileExists(atPath: run.folder + "/out4/server-identity.pem"))
    },
    "lesson 4 identity #0": Expectation { run, _ in
      // First the DER in xxd (44 bytes: three lines), then the fingerprint's base64.
      let der = Self.xxdHex(run.lines.dropLast().joined(separator: "\n"))
      #expect(der.count == 88, "44 bytes")
      #expect(der.hasPrefix("302a300506032b6570032100"))
      let fingerprint = try #require(run.values("out4/transcript.json", "identity")["fingerprint"])
      #expect(run.lines.last == String(fingerprint.dropFirst("SHA256:".count)))
    },
    "lesson 4 client-hello #0": Expectation { run, _ in
      #expect(run.lines.count == 2 && run.lines[0] == run.lines[1] && run.lines[0].count == 64)
    },
    "lesson 4 server-hello #0": Expectation { run, _ in
      #expect(
        run.lines == [
          "as sent -> valid", "other ClientHello -> InvalidSignature",
          "swapped ephemeral -> InvalidSignature",
        ])
    },
    "lesson 4 keys #0": Expectation { run, _ in
      let keys = try run.values("out4/transcript.json", "keys")
      let transcript = try #require(keys["transcript_hash"])
      let client = try #require(keys["client_key"])
      let server = try #require(keys["server_key"])
      #expect(
        run.lines == [
          "transcript hash: \(transcript)", "client to server: \(client)",
          "server to client: \(server)",
        ])
    },
    "lesson 4 message #0": Expectation { run, _ in
      let message = try #require(run.values("out4/transcript.json", "message")["message"])
      #expect(run.lines.count == 3)
      #expect(run.lines.first?.hasSuffix("-> \(message)") == true)
      #expect(run.lines.dropFirst().allSatisfy { $0.hasSuffix("-> InvalidTag") })
    },
    "lesson 4 nonce-reuse #0": Expectation { run, _ in
      #expect(run.lines.count == 1)
      #expect(run.lines.first?.split(separator: " ").contains { $0 != "00" } == true)
    },
  ]

  /// The bytes of `xxd` output, as hex without spaces.
  static func xxdHex(_ output: String) -> String {
    output.split(separator: "\n").map { line in
      // `00000000: d746 8270 ...  .F.p...`: the hex sits between the colon and two spaces.
      let afterOffset = line.drop { $0 != ":" }.dropFirst()
      let hex = afterOffset.components(separatedBy: "  ").first { !$0.isEmpty } ?? ""
      return hex.replacingOccurrences(of: " ", with: "")
    }.joined()
  }

  /// The `sh` blocks of `lesson`, values filled from the run's transcript, in order.
  static func blocks(_ number: Int, transcript: ExportWriter.Transcript) throws -> [Block] {
    let lesson = try LessonLibrary.locate(folder: lessonsFolder).lesson(number)
    let values = Dictionary(uniqueKeysWithValues: transcript.stages.map { ($0.id, $0.values) })
    var parts = [("introduction", lesson.text.introduction)]
    for stage in lesson.stages {
      parts.append((stage.id, lesson.markdown(for: stage, values: values[stage.id] ?? [:])))
    }
    parts.append(("summary", lesson.text.summary))
    return parts.flatMap { part, markdown in
      shellCode(in: MarkdownDocument(parsing: markdown).blocks.map(\.block)).enumerated().map {
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

/// Whether the lessons' Python commands can run here.
enum PythonTools {
  /// Set `LEARNCHAT_REQUIRE_PYTHON` to make a missing `cryptography` a failure, not a skip.
  static let required = ProcessInfo.processInfo.environment["LEARNCHAT_REQUIRE_PYTHON"] != nil
  /// Whether `python3` can import `cryptography`.
  static let ready = (try? Shell.run("python3 -c 'import cryptography'", in: "/").status) == 0
}

/// Runs shell commands for the lesson-command tests.
enum Shell {
  struct Result {
    let status: Int32
    let output: String
    let errors: String
  }

  /// The `learnchat` binary built beside the test bundle.
  static func learnchat() throws -> String {
    let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("learnchat").path
    try #require(FileManager.default.isExecutableFile(atPath: path), "no learnchat at \(path)")
    return path
  }

  /// Runs `script` with bash in `folder`, `learnchat` on the PATH and progress kept in the
  /// folder, so nothing is written to the real home.
  static func run(_ script: String, in folder: String) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var environment = ProcessInfo.processInfo.environment
    let binaries = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent().path
    environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["XDG_STATE_HOME"] = folder + "/.state"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read stderr on another thread so that neither pipe can fill up and block the child.
    let errorData = Drain(errors.fileHandleForReading)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData.wait(), as: UTF8.self))
  }

  /// Reads a pipe to its end on a background thread.
  final class Drain: @unchecked Sendable {
    // Sendable: `data` is written once before `done` is signalled and read only after waiting.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      Thread.detachNewThread { [self] in
        data = handle.readDataToEndOfFile()
        done.signal()
      }
    }

    func wait() -> Data {
      done.wait()
      return data
    }
  }
}
