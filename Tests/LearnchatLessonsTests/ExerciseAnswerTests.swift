import Foundation
import LearnchatTestSupport
import Testing

@testable import LearnchatLessons

/// The forgiving reading of answers, and the exercises' part of the progress record.
@Suite("Exercise answers and records")
struct ExerciseAnswerTests {
  @Test(
    "hex with or without spaces, colons or 0x, in any case, reads as the same bytes",
    arguments: ["00 2a ff", "002AFF", "00:2a:FF", "0x002aff", " 00-2a-ff\n"])
  func hex(text: String) {
    #expect(AnswerText.hexBytes(text) == [0x00, 0x2a, 0xff])
  }

  @Test("not hex: odd digits, other letters, nothing")
  func notHex() {
    for text in ["0", "zz", "", "  "] { #expect(AnswerText.hexBytes(text) == nil, "\(text)") }
  }

  @Test("numbers anywhere in the text, in order; text trimmed of spaces and line ends")
  func numbersAndText() {
    #expect(AnswerText.numbers("3: 12, 32 and 45.") == [3, 12, 32, 45])
    #expect(AnswerText.trimmed("  walrus4172\r\n") == "walrus4172")
    #expect(Submission.file(name: "a", bytes: Array("hi\n".utf8)).text == "hi\n")
    #expect(Submission.file(name: "a", bytes: [0xff, 0xfe]).text == nil)
  }

  @Test("attack names and their other spellings")
  func attackNames() {
    #expect(FailedChatExercise.attack(named: "Man in the middle") == .mitm)
    #expect(FailedChatExercise.attack(named: "tamper_bit\n") == .tamperBit)
    #expect(FailedChatExercise.attack(named: "REORDER") == .reorder)
    #expect(FailedChatExercise.attack(named: "aliens") == nil)
  }

  @Test("a record from before exercises loads; exercise states round-trip; missing counts are 0")
  func records() throws {
    let old = #"{"version": 1, "lessons": {}}"#
    #expect(try JSONDecoder().decode(ProgressRecord.self, from: Data(old.utf8)).exercises == [:])
    let partial = #"{"version": 1, "exercises": {"4": {"seed": "abc"}}}"#
    let decoded = try JSONDecoder().decode(ProgressRecord.self, from: Data(partial.utf8))
    #expect(decoded.state(ofExercise: 4) == ProgressRecord.ExerciseState(seed: "abc"))
    var record = ProgressRecord()
    record.exercises["2"] = .init(seed: "s", hintsShown: 2, done: true, attempts: 3)
    let again = try JSONDecoder().decode(
      ProgressRecord.self, from: JSONEncoder().encode(record))
    #expect(again == record)
  }

  @Test(
    "the ledger remembers a seed, replaces it on request, and records checks of its own seed only")
  func ledger() throws {
    let folder = try TemporaryFolder()
    let store = ProgressStore(path: folder.path + "/progress.json", warn: { _ in })
    let ledger = ExerciseLedger(store: store)
    let first = try ledger.handOut(3, requested: nil)
    #expect(try ledger.handOut(3, requested: nil) == first, "remembered")
    #expect(try ledger.showHint(3, available: 2) == 1)
    #expect(try ledger.showHint(3, available: 2) == 2)
    #expect(try ledger.showHint(3, available: 2) == 2, "no more hints than there are")
    ledger.recordCheck(3, seed: "someone-else", result: .right("yes"))
    #expect(ledger.state(3)?.done == false && ledger.state(3)?.attempts == 0)
    ledger.recordCheck(3, seed: first, result: .stepDone("half"))
    #expect(ledger.state(3)?.done == false && ledger.state(3)?.attempts == 1)
    ledger.recordCheck(3, seed: first, result: .right("yes"))
    #expect(ledger.state(3)?.done == true)
    #expect(try ledger.handOut(3, requested: "alice") == "alice")
    #expect(
      ledger.state(3) == ProgressRecord.ExerciseState(seed: "alice"), "a new seed starts afresh")
  }

  @Test(
    "the same seed makes the same material in one process; another seed, other material",
    arguments: ExerciseCheckers.all.map { $0.name })
  func deterministic(checker name: String) throws {
    let checker = try #require(ExerciseCheckers.named(name))
    let seed = { ExerciseSeed(text: $0, exercise: 1, checker: name) }
    let (a, again, b) = (
      try checker.init(seed: seed("x")).material, try checker.init(seed: seed("x")).material,
      try checker.init(seed: seed("y")).material
    )
    #expect(a.files == again.files && a.values == again.values && a.answer == again.answer)
    // A live exercise may hand everyone the same relay.py: its secret still differs. (The
    // failed chat's answer is one of eight attacks: two seeds may share it.)
    #expect(a.answer != b.answer || name == FailedChatExercise.name)
    #expect(a.files != b.files || a.values != b.values || checker.submission == .liveThenText)
  }
}

/// The material's captures read as real ones do.
@Suite("Exercise material")
struct ExerciseMaterialTests {
  /// The connections' client addresses in `material`'s transcript.
  static func clients(_ material: ExerciseMaterial) throws -> [String] {
    let file = try #require(material.files.first { $0.fileName == "transcript.json" })
    let json = try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any]
    let connections = try #require(json?["connections"] as? [[String: Any]])
    return connections.compactMap { $0["client"] as? String }
  }

  @Test(
    "no two connections of one material share a client port (tshark would call the later a retransmission)",
    arguments: ["r37", "anna", "boris", "chen"])
  func distinctClientPorts(seed: String) throws {
    for name in [FingerprintExercise.name, FailedChatExercise.name] {
      let checker = try #require(ExerciseCheckers.named(name))
      let clients = try Self.clients(
        checker.init(seed: ExerciseSeed(text: seed, exercise: 10, checker: name)).material)
      #expect(clients.count > 1 && Set(clients).count == clients.count, "\(name): \(clients)")
    }
  }
}
