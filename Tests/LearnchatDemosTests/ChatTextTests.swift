import LearnchatDemos
import Testing

@Suite struct ChatTextTests {
  @Test(arguments: [
    ("hello", "hello"),
    ("  hello  ", "hello"),
    ("\thello world\r\n", "hello world"),
    ("\u{00A0}Grüße 👋\u{3000}", "Grüße 👋"),
  ])
  func outgoingStripsSurroundingWhitespace(line: String, sent: String) {
    #expect(ChatText.outgoing(line) == sent)
  }

  @Test(arguments: ["", " ", "\t\n", "\r\n", "   \u{00A0}  "])
  func outgoingSkipsBlankLines(line: String) {
    #expect(ChatText.outgoing(line) == nil)
  }

  @Test(arguments: ["exit", " EXIT \n", "Exit", "\texit\r\n", "eXiT"])
  func exitIsRecognisedStrippedAndInAnyCase(text: String) {
    #expect(ChatText.isExit(text))
  }

  @Test(arguments: ["exit now", "exits", "e xit", "", "quit", "[exit]"])
  func otherTextIsNotExit(text: String) {
    #expect(!ChatText.isExit(text))
  }

  @Test func exitCommandIsSentAsTyped() {
    #expect(ChatText.exitCommand == "exit")
    #expect(ChatText.outgoing(" exit ") == ChatText.exitCommand)
  }

  @Test(arguments: [
    ([0x1b] as [UInt8], "\\x1b"),
    ([0x0d], "\\x0d"),
    ([0x07], "\\x07"),
    ([0x08], "\\x08"),
    ([0x00], "\\x00"),
    ([0x09], "\\x09"),
    ([0x0a], "\\x0a"),
    ([0x7f], "\\x7f"),
    ([0xc2, 0x9b], "\\x9b"),
    ([0xc2, 0x85], "\\x85"),
    ([0xc2, 0x80], "\\x80"),
    ([0xc2, 0x9f], "\\x9f"),
  ])
  func controlCharactersAreShownAsEscapes(bytes: [UInt8], shown: String) {
    #expect(ChatText.displayable(bytes) == shown)
  }

  @Test func anEscapeSequenceCannotReachTheTerminal() {
    let bytes = [UInt8]("\u{1b}[2J\u{1b}[H[Peer]: fake\r\n".utf8)
    #expect(ChatText.displayable(bytes) == "\\x1b[2J\\x1b[H[Peer]: fake\\x0d\\x0a")
  }

  @Test func noControlCharacterSurvivesRaw() {
    // Every scalar up to U+07FF, and every single byte (invalid ones included).
    var inputs: [[UInt8]] = (0...0x7ff).map { [UInt8](String(Unicode.Scalar($0)!).utf8) }
    inputs += (0...0xff).map { [UInt8($0)] }
    for bytes in inputs {
      let shown = ChatText.displayable(bytes)
      let raw = shown.unicodeScalars.filter { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) }
      #expect(raw.isEmpty, "\(bytes) showed as \(shown.debugDescription)")
    }
  }

  @Test(arguments: ["Grüße 👋", "日本語", "naïve café", "\u{00A0}nbsp", "a\\x1bb", "plain ASCII!"])
  func ordinaryTextIsKept(text: String) {
    #expect(ChatText.displayable([UInt8](text.utf8)) == text)
  }

  @Test func invalidUTF8BecomesReplacementCharacters() {
    #expect(ChatText.displayable([0x61, 0xff, 0x62]) == "a\u{FFFD}b")
    #expect(ChatText.displayable([0xe2, 0x82]) == "\u{FFFD}")
    #expect(ChatText.displayable([0xc0, 0x80]).allSatisfy { $0 == "\u{FFFD}" })
    #expect(ChatText.displayable([]) == "")
  }
}
