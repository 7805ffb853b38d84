import Foundation
import LearnchatCrypto
import LearnchatWire
import Testing

@testable import LearnchatLessons

/// Both demos run end to end in-process, over real loopback TCP, and what they report is checked
/// against the bytes: frames parsed back out of the tap records decrypt with the session key.
@Suite("Walkthroughs end to end")
struct WalkthroughRunTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/lessons").path

  /// Runs lesson `number` from the fixtures, capturing the terminal output.
  static func run(
    _ number: Int, seed: String? = "test seed", answers: [String]? = nil,
    width: Int = 80, colors: Bool = false
  ) throws -> (run: LessonRun, output: String) {
    let lesson = try LessonLibrary.locate(folder: fixtures).lesson(number)
    let output = OutputCapture()
    var remaining = answers ?? []
    let pauser = answers.map { _ in
      LinePauser { remaining.isEmpty ? nil : remaining.removeFirst() }
    }
    let style = PageStyle(settings: TerminalSettings(colors: colors, width: width))
    let presentation = LinePresentation(
      style: { style }, write: output.append, pauser: pauser,
      places: LessonPlaces(lesson: lesson, store: nil, resumeCommand: "resume"))
    let run = try LessonRunner(lesson: lesson, seed: seed, presentation: presentation).run()
    return (run, output.text)
  }

  @Test("lesson 1 reports every stage in order, and the plaintext is on the wire")
  func plaintext() throws {
    let (run, output) = try Self.run(1)
    #expect(run.reports.map(\.stage.id) == PlaintextWalkthrough.stages.map(\.id))
    #expect(!run.stoppedEarly)
    let send = try #require(run.reports.first { $0.stage.id == "send" })
    let written = send.records.filter { $0.actor == .client && $0.direction == .sent }
    #expect(written.map(\.bytes) == [Array(PlaintextWalkthrough.message.utf8)])
    let twoSends = try #require(run.reports.first { $0.stage.id == "two-sends" })
    #expect(twoSends.records.filter { $0.direction == .sent }.count == 2)
    let reads = twoSends.records.filter { $0.actor == .server && $0.direction == .received }
    #expect(reads.count == 1, "two sends arrive as one read")
    #expect(reads.first?.bytes == Array("How are you?Did you get my note?".utf8))
    #expect(output.contains("[Peer]: How are you?Did you get my note?"))
    #expect(output.contains("[Peer exited]"))
    #expect(output.contains("|Meet me at the l|"), "the ASCII column shows the plaintext")
  }

  @Test("lesson 2: the frames on the wire decrypt with the session key both ends agreed on")
  func handshakeBytes() throws {
    let (run, _) = try Self.run(2)
    #expect(run.reports.map(\.stage.id) == HandshakeWalkthrough.stages.map(\.id))
    let records = run.reports.flatMap(\.records)
    let clientSent = records.filter { $0.actor == .client && $0.direction == .sent }
      .flatMap(\.bytes)
    let serverSent = records.filter { $0.actor == .server && $0.direction == .sent }
      .flatMap(\.bytes)
    // What each side read is exactly what the other wrote.
    #expect(
      records.filter { $0.actor == .server && $0.direction == .received }.flatMap(\.bytes)
        == clientSent)
    #expect(
      records.filter { $0.actor == .client && $0.direction == .received }.flatMap(\.bytes)
        == serverSent)

    var fromClient = FrameDecoder()
    fromClient.append(clientSent)
    var fromServer = FrameDecoder()
    fromServer.append(serverSent)
    let publicKeyPEM = try #require(try fromServer.nextFrame())
    let wrappedKey = try #require(try fromClient.nextFrame())
    #expect(String(decoding: publicKeyPEM, as: UTF8.self).hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
    #expect(wrappedKey.count == 256)

    // The exported private key unwraps the wrapped key to the exported session key.
    let artifacts = Dictionary(uniqueKeysWithValues: run.artifacts.map { ($0.fileName, $0.bytes) })
    let privateKey = try RSAPrivateKey(pem: try #require(artifacts["server-private-key.pem"]))
    #expect(try privateKey.publicKey.pem() == publicKeyPEM)
    let sessionKey = try AESGCM.Key(privateKey.decryptOAEP(wrappedKey))
    #expect(sessionKey.bytes == artifacts["session-key.bin"])

    func open(_ body: [UInt8]) throws -> String {
      String(
        decoding: try AESGCM.open(AESGCM.SealedMessage(combined: body), key: sessionKey),
        as: UTF8.self)
    }
    #expect(try open(try #require(try fromClient.nextFrame())) == HandshakeWalkthrough.message)
    #expect(try open(try #require(try fromServer.nextFrame())) == HandshakeWalkthrough.reply)
    #expect(try open(try #require(try fromClient.nextFrame())) == "exit")
    #expect(try fromClient.nextFrame() == nil)
    #expect(try fromServer.nextFrame() == nil)

    let unwrap = try #require(run.reports.first { $0.stage.id == "oaep-unwrap" })
    #expect(unwrap.values["keys_match"] == "yes")
    #expect(unwrap.values["session_key"] == Hex.string(sessionKey.bytes, separator: " "))
    let frameStage = try #require(run.reports.first { $0.stage.id == "message-frame" })
    #expect(frameStage.shown.first?.fields.map(\.name) == ["length", "nonce", "ciphertext", "tag"])
  }

  @Test("two runs with the same seed print the same bytes; another seed differs")
  func seededRunsRepeat() throws {
    let first = try Self.run(2, seed: "class of 2026").output
    let second = try Self.run(2, seed: "class of 2026").output
    let other = try Self.run(2, seed: "another class").output
    #expect(first == second)
    #expect(first != other)
    #expect(first.contains("Seeded run"))
    #expect(first.contains("127.0.0.1:PORT"))
  }

  @Test("unseeded runs differ and show real ports")
  func unseededRunsDiffer() throws {
    let first = try Self.run(2, seed: nil).output
    let second = try Self.run(2, seed: nil).output
    #expect(first != second)
    #expect(!first.contains("Seeded run"))
    #expect(!first.contains("PORT"))
  }

  @Test("stepping: each answer continues, q stops the run early, end of input runs to the end")
  func stepping() throws {
    let stopped = try Self.run(1, answers: ["", "", "q"])
    #expect(stopped.run.reports.count == 3)
    #expect(stopped.run.stoppedEarly)
    #expect(stopped.output.components(separatedBy: "Enter: next stage").count - 1 == 3)
    #expect(stopped.output.contains("Stopped at stage 3/5 (eavesdrop). Resume with: resume"))
    #expect(!stopped.output.contains("The end."))

    let ranOut = try Self.run(1, answers: [""])
    #expect(ranOut.run.reports.count == PlaintextWalkthrough.stages.count)
    #expect(!ranOut.run.stoppedEarly)
    #expect(ranOut.output.components(separatedBy: "Enter: next stage").count - 1 == 2)
    #expect(ranOut.output.contains("The end."))
  }

  @Test("placeholders are filled with the live values")
  func placeholdersFilled() throws {
    let (run, output) = try Self.run(2)
    let nonce = try #require(run.reports.first { $0.stage.id == "nonce" }?.values["nonce"])
    #expect(output.contains("Nonce \(nonce)."), "code spans are shown bare without colour")
    #expect(!output.contains("{{"))
  }

  @Test("the HTML page has every stage, the text and the dumps, and escapes the console")
  func htmlPage() throws {
    let (run, _) = try Self.run(2)
    let page = HTMLPage.render(run)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    for stage in HandshakeWalkthrough.stages {
      #expect(page.contains("id=\"\(stage.id)\""))
    }
    #expect(page.contains("<pre class=\"hexdump\""))
    #expect(page.contains("<p>Summary.</p>"))
    #expect(page.contains("[Peer]: Meet me at the library at noon."))
    #expect(!page.contains("{{"))
  }

  @Test("the export has the keys, every frame, and a transcript matching the records")
  func export() throws {
    let (run, _) = try Self.run(2)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("learnchat-export-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let files = try ExportWriter.write(run, to: folder)
    #expect(
      Set(files) == [
        "server-private-key.pem", "server-public-key.pem", "server-public-key.der",
        "session-key.bin", "wrapped-key.bin", "frame-1-server-public-key.bin",
        "frame-2-client-wrapped-key.bin", "frame-3-client-message.bin",
        "frame-4-server-reply.bin", "frame-5-client-exit.bin", "transcript.json",
      ])
    let transcript = try JSONDecoder().decode(
      ExportWriter.Transcript.self,
      from: Data(contentsOf: URL(fileURLWithPath: folder + "/transcript.json")))
    #expect(transcript.stages.map(\.id) == HandshakeWalkthrough.stages.map(\.id))
    #expect(transcript.seed == "test seed")
    let clientHex = transcript.stages.flatMap(\.records)
      .filter { $0.actor == "client" && $0.direction == "sent" }.map(\.hex).joined()
    let frames = try [
      "frame-2-client-wrapped-key.bin", "frame-3-client-message.bin", "frame-5-client-exit.bin",
    ]
    .map { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)) }
    #expect(clientHex == frames.map { Hex.string($0) }.joined())
  }
}

/// Collects what a presenter writes.
final class OutputCapture: @unchecked Sendable {
  // Sendable: appended to from the runner's thread only; read after the run.
  private(set) var text = ""
  func append(_ more: String) { text += more }
}
