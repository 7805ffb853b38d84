import Foundation
import Testing

@testable import LearnchatLessons

/// Pages laid out for the terminal: the measure, the side-by-side layout, wrapped console lines,
/// and the stage choices of `--from`, `--to` and the `g` prompt.
@Suite("Stage pages")
struct StagePageTests {
  static func lesson(_ number: Int = 2) throws -> Lesson {
    try LessonLibrary.locate(folder: WalkthroughRunTests.fixtures).lesson(number)
  }

  @Test("a stage is chosen by number or by name; anything else lists the stages")
  func selection() throws {
    let lesson = try Self.lesson()
    #expect(try StageSelection.index(of: "6", in: lesson) == 5)
    #expect(try StageSelection.index(of: " oaep-wrap ", in: lesson) == 5)
    #expect(try StageSelection.index(of: "OAEP-WRAP", in: lesson) == 5)
    for wrong in ["0", "14", "-1", "oaep", ""] {
      #expect(throws: StageSelectionError.self) { try StageSelection.index(of: wrong, in: lesson) }
    }
    do {
      _ = try StageSelection.index(of: "nope", in: lesson)
    } catch {
      #expect(
        error.description
          == "lesson 2 has no stage \"nope\"; its stages are 1 connect, 2 keygen, 3 pem-export, "
          + "4 public-key-frame, 5 session-key, 6 oaep-wrap, 7 oaep-unwrap, 8 nonce, 9 seal, "
          + "10 message-frame, 11 decrypt, 12 reply, 13 exit")
    }
    #expect(try StageSelection.range(from: "keygen", to: "7", in: lesson) == 1...6)
    #expect(try StageSelection.range(from: nil, to: nil, in: lesson) == 0...12)
    #expect(throws: StageSelectionError.self) {
      try StageSelection.range(from: "8", to: "3", in: lesson)
    }
  }

  @Test("prose is set to 100 columns whatever the width; --present narrows it and adds margins")
  func measure() {
    let wide = PageStyle(settings: TerminalSettings(colors: false, width: 200), layout: .stacked)
    #expect(wide.proseWidth == 100)
    #expect(PageStyle(settings: TerminalSettings(colors: false, width: 70)).proseWidth == 70)
    let present = PageStyle(settings: TerminalSettings(colors: false, width: 120), present: true)
    #expect(present.margin == 4)
    #expect(present.contentWidth == 112)
    #expect(present.proseWidth == PageStyle.presentMeasure)
  }

  @Test("auto puts the dumps beside the text from 160 columns, side from 120, stacked never")
  func columns() {
    func columns(_ layout: PageStyle.Layout, _ width: Int) -> (text: Int, dumps: Int)? {
      PageStyle(settings: TerminalSettings(colors: false, width: width), layout: layout).columns
    }
    #expect(columns(.auto, 159) == nil)
    let at160 = columns(.auto, 160)
    #expect(at160?.text == 79 && at160?.dumps == 78)
    let at240 = columns(.auto, 240)
    #expect(at240?.text == 100 && at240?.dumps == 137)
    #expect(columns(.side, 119) == nil)
    #expect(columns(.side, 120)?.dumps == 78)
    #expect(columns(.stacked, 400) == nil)
  }

  @Test("side by side: text left, dumps right, starting on the same row; every line fits")
  func sideBySide() throws {
    let (run, _) = try WalkthroughRunTests.run(2)
    let lesson = try Self.lesson()
    let report = try #require(run.reports.first { $0.stage.id == "message-frame" })
    for colors in [false, true] {
      let style = PageStyle(settings: TerminalSettings(colors: colors, width: 170))
      let page = StagePageRenderer(style: style).stage(report, in: lesson, number: 10, of: 13)
      #expect(page.body.allSatisfy { TerminalText.displayWidth($0) <= 170 })
      let first = TerminalText.plain(try #require(page.body.first))
      let columns = try #require(style.columns)
      #expect(first.count > columns.text + PageStyle.gutter, "the first row has both columns")
      let right = first.dropFirst(columns.text + PageStyle.gutter)
      #expect(right.hasPrefix("client → server: message frame"), "\(first)")
    }
  }

  @Test("console lines and verdicts wrap with a hanging indent under their text")
  func hangingIndent() throws {
    let lesson = try Self.lesson()
    var report = StageReport(stage: lesson.stages[10])
    let long = String(repeating: "word ", count: 30) + String(repeating: "x", count: 70)
    report.say(.server, "[Peer]: " + long)
    report.outcome = AttackOutcome(.init(acceptedFalse: true), summary: long)
    let style = PageStyle(settings: TerminalSettings(colors: false, width: 60))
    let page = StagePageRenderer(style: style).stage(report, in: lesson, number: 11, of: 13)
    #expect(page.body.allSatisfy { TerminalText.displayWidth($0) <= 60 })
    let console = page.body.filter { $0.hasPrefix("  server   │") || $0.hasPrefix("           │") }
    #expect(console.count >= 4)
    #expect(console.dropFirst().allSatisfy { $0.hasPrefix("           │ ") })
    let joined = console.map { String($0.dropFirst(13)) }.joined()
    #expect(
      joined.replacingOccurrences(of: " ", with: "")
        == ("[Peer]:" + long).replacingOccurrences(of: " ", with: ""))
    let verdict = try #require(page.body.firstIndex { $0.hasPrefix("  Attack SUCCEEDED: ") })
    #expect(page.body[verdict + 1].hasPrefix("    word"))
  }

  @Test("a heading in the stepper is one row, cut with … when the title is too long")
  func headingLine() {
    let page = StagePage(
      title: "6/13 · client · The client wraps the key with RSA-OAEP", color: .client, body: [])
    let painter = Painter(enabled: false)
    #expect(page.headingLine(width: 80, painter: painter).count == 80)
    let narrow = page.headingLine(width: 30, painter: painter)
    #expect(narrow.count <= 30)
    #expect(narrow.hasPrefix("── 6/13 · client"))
    #expect(narrow.contains("…"))
    let wrapped = page.headingLines(width: 30, painter: painter)
    #expect(wrapped.count > 1 && wrapped.allSatisfy { $0.count <= 30 })
    #expect(wrapped.joined().contains("RSA-OAEP"))
  }

  @Test("display width ignores colour and counts wide characters twice; clip and pad keep it")
  func terminalText() {
    let painted = "\u{1B}[1;38;5;42mab👋c\u{1B}[0m"
    #expect(TerminalText.displayWidth(painted) == 5)
    #expect(TerminalText.plain(painted) == "ab👋c")
    let clipped = TerminalText.clip(painted, to: 3)
    #expect(TerminalText.plain(clipped) == "ab")
    #expect(clipped.hasSuffix("\u{1B}[0m"), "a cut-off colour is reset")
    #expect(TerminalText.clip(painted, to: 9) == painted)
    #expect(TerminalText.displayWidth(TerminalText.pad(painted, to: 8)) == 8)
  }
}
