import LearnchatWire
import Testing

@testable import LearnchatLessons

@Suite struct HexDumpHexTests {
  @Test func stringIsLowerCase() {
    #expect(Hex.string([0x00, 0xab, 0xff, 0x2d]) == "00abff2d")
    #expect(Hex.string([0x00, 0xab], separator: " ") == "00 ab")
    #expect(Hex.string([]) == "")
  }

  @Test func bytesReadsEitherCaseAndSkipsWhitespace() {
    #expect(Hex.bytes("00AbfF2d") == [0x00, 0xab, 0xff, 0x2d])
    #expect(Hex.bytes("00 00 00 2d\n") == [0, 0, 0, 0x2d])
    #expect(Hex.bytes("") == [])
  }

  @Test(arguments: ["0", "abc", "zz", "0x12", "12 3", "é0", "-1"])
  func badTextGivesNil(text: String) {
    #expect(Hex.bytes(text) == nil)
  }

  @Test func roundTrip() {
    let bytes = (0...255).map { UInt8($0) }
    #expect(Hex.bytes(Hex.string(bytes)) == bytes)
  }
}
