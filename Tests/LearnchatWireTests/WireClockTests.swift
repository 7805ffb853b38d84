import LearnchatWire
import Testing

@Suite struct WireClockTests {
  @Test func steppingClockStartsAtItsStartAndStepsEachReading() {
    let clock = SteppingWireClock(
      start: WireTimestamp(nanosecondsSince1970: 5), stepNanoseconds: 10)
    #expect((0..<4).map { _ in clock.now().nanosecondsSince1970 } == [5, 15, 25, 35])
  }

  @Test func steppingClockSaturatesInsteadOfTrapping() {
    let clock = SteppingWireClock(
      start: WireTimestamp(nanosecondsSince1970: .max - 1), stepNanoseconds: .max)
    #expect(clock.now().nanosecondsSince1970 == .max - 1)
    #expect(clock.now().nanosecondsSince1970 == .max)
    #expect(clock.now().nanosecondsSince1970 == .max)
  }

  @Test func systemClockReadsTheWallClock() {
    // 2020-01-01 and 2200-01-01: a wall clock, not time since boot.
    let now = SystemWireClock().now()
    #expect(now > WireTimestamp(secondsSince1970: 1_577_836_800))
    #expect(now < WireTimestamp(secondsSince1970: 7_258_118_400))
  }

  @Test(arguments: [
    (Int64(1_700_000_000_000_000_123), "1700000000.000000123"),
    (0, "0.000000000"),
    (-1_500_000_000, "-1.500000000"),
    (-500_000_000, "-0.500000000"),
  ])
  func timestampsPrintAsSecondsAndNanoseconds(nanoseconds: Int64, text: String) {
    #expect(WireTimestamp(nanosecondsSince1970: nanoseconds).description == text)
  }

  @Test func addingSaturatesAtTheEnds() {
    #expect(
      WireTimestamp(nanosecondsSince1970: .max).adding(nanoseconds: 1).nanosecondsSince1970
        == .max)
    #expect(
      WireTimestamp(nanosecondsSince1970: .min).adding(nanoseconds: -1).nanosecondsSince1970
        == .min)
    #expect(
      WireTimestamp(nanosecondsSince1970: 7).adding(nanoseconds: -2).nanosecondsSince1970 == 5)
  }
}
