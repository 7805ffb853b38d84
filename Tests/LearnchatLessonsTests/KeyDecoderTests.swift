import Testing

@testable import LearnchatLessons

/// The bytes terminals send for keys, in one piece and cut anywhere.
@Suite("Decoding keys")
struct KeyDecoderTests {
  static func keys(_ bytes: [UInt8]) -> [StepperKey] {
    var decoder = KeyDecoder()
    return decoder.feed(bytes) + decoder.flush()
  }

  @Test(
    "arrows, pages, Home and End in both the CSI and the SS3 forms",
    arguments: [
      ("\u{1B}[A", StepperKey.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
      ("\u{1B}OA", .up), ("\u{1B}OD", .left), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
      ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}[1~", .home), ("\u{1B}[4~", .end),
      ("\u{1B}[7~", .home), ("\u{1B}[8~", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
      ("\u{1B}[1;5C", .right), ("\u{1B}[2~", .unknown), ("\u{1B}[15~", .unknown),
    ])
  func sequences(bytes: String, key: StepperKey) {
    #expect(Self.keys(Array(bytes.utf8)) == [key])
  }

  @Test func controlKeysAndCharacters() {
    #expect(
      Self.keys([0x0D, 0x0A, 0x7F, 0x08, 0x09, 0x04, 0x03, 0x6E, 0x20, 0x01]) == [
        .enter, .enter, .backspace, .backspace, .tab, .controlD, .controlC, .character("n"),
        .character(" "), .unknown,
      ])
    #expect(Self.keys(Array("é€".utf8)) == [.character("é"), .character("€")])
    #expect(Self.keys([0xFF, 0x6E]) == [.unknown, .character("n")])
  }

  @Test("a sequence cut across reads waits for its end")
  func splitSequences() {
    let bytes = Array("n\u{1B}[5~p\u{1B}OCé".utf8)
    for cut in 0...bytes.count {
      var decoder = KeyDecoder()
      let keys = decoder.feed(bytes[..<cut]) + decoder.feed(bytes[cut...])
      #expect(keys == [.character("n"), .pageUp, .character("p"), .right, .character("é")])
      #expect(!decoder.hasPending)
    }
  }

  @Test("a lone ESC is Escape only once nothing follows; ESC ESC is one Escape and a pending one")
  func escape() {
    var decoder = KeyDecoder()
    #expect(decoder.feed([0x1B]).isEmpty)
    #expect(decoder.hasPending)
    #expect(decoder.flush() == [.escape])
    #expect(!decoder.hasPending)
    #expect(decoder.feed([0x1B, 0x1B]) == [.escape])
    #expect(decoder.flush() == [.escape])
    #expect(decoder.feed([0x1B, 0x5B]).isEmpty)
    #expect(decoder.flush() == [.unknown], "a sequence cut off for good is unknown, not Escape")
    #expect(decoder.feed([0x1B, 0x78]) == [.unknown], "Alt-x")
  }
}
