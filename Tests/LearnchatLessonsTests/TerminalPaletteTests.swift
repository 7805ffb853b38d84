import Testing

@testable import LearnchatLessons

@Suite struct TerminalPaletteTests {
  @Test func paintWrapsOnlyWhenEnabled() {
    #expect(Painter.paint("key", .server, enabled: false) == "key")
    #expect(Painter.paint("key", .server, enabled: true) == "\u{1B}[36mkey\u{1B}[0m")
    #expect(Painter(enabled: true).paint("!", .attacker) == "\u{1B}[1;31m!\u{1B}[0m")
    #expect(Painter(enabled: true).paint("", .server) == "")
  }

  @Test func fieldColorsCycle() {
    let count = ANSIPalette.fieldColors.count
    #expect(count == 8)
    #expect(Set(ANSIPalette.fieldColors).count == count)
    #expect(ANSIPalette.fieldColor(0) == .field0)
    #expect(ANSIPalette.fieldColor(count) == .field0)
    #expect(ANSIPalette.fieldColor(count + 3) == ANSIPalette.fieldColor(3))
    #expect(ANSIPalette.fieldSlot(-1) == count - 1)
  }

  /// Neighbouring fields must never look alike: compare each colour with the next.
  @Test func neighbouringFieldColorsDiffer() {
    let codes = ANSIPalette.fieldColors.map(\.sgrParameters)
    for index in codes.indices {
      #expect(codes[index] != codes[(index + 1) % codes.count])
    }
  }

  @Test func everyColorIsAnSGRSequence() {
    for color in TerminalColor.allCases {
      let parameters = color.sgrParameters
      #expect(!parameters.isEmpty)
      #expect(parameters.allSatisfy { $0.isNumber || $0 == ";" })
    }
  }
}
