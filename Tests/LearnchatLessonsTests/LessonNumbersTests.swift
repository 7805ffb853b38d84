import Foundation
import LearnchatCrypto
import LearnchatWire
import Testing

@testable import LearnchatLessons

/// The numbers the lesson text states itself, instead of taking them from the run, checked
/// against the run, the code or the arithmetic behind them: if one side changes, a test fails.
@Suite("Numbers in the lesson text")
struct LessonNumbersTests {
  /// The repository's lessons, the ones built into the binary.
  static func text(_ number: Int) throws -> LessonText {
    try LessonLibrary.locate(folder: LessonCommandsTests.lessonsFolder).lesson(number).text
  }

  /// The Markdown of `stage` in lesson `number`, its lines joined so that phrases wrapped in
  /// the file can be searched for.
  static func section(_ number: Int, _ stage: String) throws -> String {
    let markdown = try #require(try text(number).section(for: stage)?.markdown)
    return flattened(markdown)
  }

  static func flattened(_ markdown: String) -> String {
    markdown.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ")
  }

  static func verdicts(_ number: Int) throws -> [AttackOutcome.Verdict] {
    try WalkthroughRunTests.run(number).run.reports.compactMap(\.outcome?.verdict)
  }

  @Test("lessons 3 and 4 count the attacks and their verdicts as the runs decide them")
  func attackCounts() throws {
    // Lesson 3's first attack is on demo 1; the rest are on demo 2.
    let demo2 = try Self.verdicts(3).dropFirst()
    let succeeded = demo2.filter { $0 == .succeeded }.count
    let disrupted = demo2.filter { $0 == .disrupted }.count
    #expect((demo2.count, succeeded, disrupted) == (8, 5, 3))
    let words = [3: "three", 5: "five", 8: "eight"]
    let (all, five, three) = (words[demo2.count]!, words[succeeded]!, words[disrupted]!)

    let lesson3 = try Self.text(3)
    let intro3 = Self.flattened(lesson3.introduction)
    #expect(intro3.contains("The other \(all) attack demo 2: \(five) use the gaps"))
    #expect(intro3.contains("and \(three) test what it claims"))
    let summary3 = Self.flattened(lesson3.summary)
    #expect(summary3.contains("against demo 2, in \(all) attacks"))
    #expect(summary3.contains("\(five.capitalized) SUCCEEDED."))
    #expect(summary3.contains("\(three.capitalized) DISRUPTED the chat"))

    let demo3 = try Self.verdicts(4)
    #expect(demo3.count == demo2.count, "lesson 4 runs lesson 3's demo-2 attacks again")
    #expect(!demo3.contains(.succeeded))
    #expect(demo3.filter { $0 == .failed }.count == 1)
    let lesson4 = try Self.text(4)
    let intro4 = Self.flattened(lesson4.introduction)
    #expect(
      intro4.contains(
        "Lesson 3 ran \(all) attacks on the handshake chat: \(five) SUCCEEDED and \(three) DISRUPTED"
      ))
    let setUp = DefenseWalkthrough.stages.count - demo3.count
    #expect(intro4.contains("The first \(words[setUp] ?? "?") stages run the handshake"))
    #expect(intro4.contains("The other \(all) run lesson 3's attacks again"))
    #expect(
      Self.flattened(lesson4.summary).contains(
        "all but the hope for a repeated nonce DISRUPTED"))
  }

  @Test("OAEP with SHA-256 leaves 190 of 256 bytes: 2 × 32 + 2 taken, as OpenSSL enforces")
  func oaepOverhead() throws {
    let key = try RSAPrivateKey(context: .seeded("oaep overhead"))
    let modulusBytes = key.bits / 8
    let overhead = 2 * SHA256.byteCount + 2
    let room = modulusBytes - overhead
    _ = try key.publicKey.encryptOAEP([UInt8](repeating: 1, count: room))
    #expect(throws: (any Error).self) {
      try key.publicKey.encryptOAEP([UInt8](repeating: 1, count: room + 1))
    }
    let text = try Self.section(2, "oaep-wrap")
    #expect(text.contains("at most \(modulusBytes) bytes here, and OAEP takes \(overhead) of them"))
    #expect(text.contains("2 × \(SHA256.byteCount) + 2"))
    #expect(text.contains("at most \(room) bytes of data"))
  }

  @Test("the length limit is 1 MiB, and ff ff ff ff is 4 GiB minus one byte")
  func lengthLimits() throws {
    #expect(FrameDecoder.defaultMaximumBodySize == 1 << 20)
    #expect(FrameDecoder.parseLength([0xff, 0xff, 0xff, 0xff]) == UInt32((1 << 32) - 1))
    let frame = try Self.section(2, "public-key-frame")
    #expect(frame.contains("read 4 GiB minus one byte"))
    #expect(frame.contains("refuses any length over 1 MiB"))
    #expect(UInt32.max == 4_294_967_295)
    #expect(
      try Self.section(3, "oversized-length").contains(
        "announces 4,294,967,295 bytes, 4 GiB minus one"))
  }

  @Test("the SPKI header and the prefix arithmetic of lesson 2 are the run's bytes")
  func publicKeyBytes() throws {
    let (run, _) = try WalkthroughRunTests.run(2)
    let pem = try #require(run.reports.first { $0.stage.id == "pem-export" })
    let der = try #require(pem.shown.first?.bytes)
    let header = Array(der.prefix(33))
    let text = try Self.section(2, "pem-export")
    // Each DER header the text lists, and the length it says it gives.
    let parts: [(hex: String, length: Int)] = [
      ("30 82 01 22", 290), ("03 82 01 0f 00", 271), ("30 82 01 0a", 266), ("02 82 01 01 00", 257),
    ]
    let headerHex = ValueText.hex(header)
    for part in parts {
      #expect(headerHex.contains(part.hex), "\(part.hex) is in the run's header")
      let bytes = part.hex.split(separator: " ").compactMap { UInt8($0, radix: 16) }
      #expect(Int(bytes[2]) << 8 | Int(bytes[3]) == part.length)
      #expect(text.contains("`\(part.hex)`: a") && text.contains("\(part.length) bytes"))
    }
    #expect(header.count * 4 / 3 == 44)
    let base64 = Data(header).base64EncodedString()
    #expect(text.contains("the same 44 characters, `\(base64)`"))
    #expect(Array(der.suffix(5)) == [0x02, 0x03, 0x01, 0x00, 0x01], "exponent header and 65537")

    let frame = try #require(run.reports.first { $0.stage.id == "public-key-frame" })
    #expect(frame.values["body_length"] == "451")
    #expect(0x1c3 == 256 + 12 * 16 + 3 && 0x1c3 == 451)
    #expect(try Self.section(2, "public-key-frame").contains("0x1c3 = 256 + 12·16 + 3 = 451"))
  }

  @Test("about one odd 1024-bit number in 355 is prime")
  func primeDensity() throws {
    // By the prime number theorem a number near 2^1024 is prime with probability about
    // 1 / ln(2^1024); only odd ones are drawn, which doubles it.
    let oneIn = Int((1024 * log(2.0) / 2).rounded())
    #expect(oneIn == 355)
    #expect(try Self.section(2, "keygen").contains("About one odd number in \(oneIn) of that size"))
  }

  @Test("a fingerprint has 43 characters of 6 bits; four of them take about 16 million tries")
  func fingerprintCharacters() throws {
    let (run, _) = try WalkthroughRunTests.run(4)
    let fingerprint = try #require(run.reports.first?.values["fingerprint"])
    let characters = fingerprint.count - "SHA256:".count
    #expect(characters == 43 && characters * 6 >= 256)
    let tries = 1 << (4 * 6)
    #expect(tries / 1_000_000 == 16)
    let text = try Self.section(4, "identity")
    #expect(text.contains("Compare all \(characters) characters"))
    #expect(text.contains("the first four match needs only about 16 million tries"))
  }

  @Test("GCM's limits: 2^24.5 records is some 24 million; 2^39 - 256 bits is about 64 GiB")
  func gcmLimits() throws {
    let records: Double = pow(2, 24.5) / 1_000_000
    let messageBits: Double = pow(2, 39) - 256
    let gibibytes: Double = messageBits / 8 / pow(2, 30)
    #expect(records.rounded() == 24)
    #expect(gibibytes.rounded() == 64)
    let summary = Self.flattened(try Self.text(4).summary)
    #expect(summary.contains("after about 2^24.5 full-size records, some 24 million"))
    #expect(summary.contains("caps a single message at about 64 GiB"))
  }
}
