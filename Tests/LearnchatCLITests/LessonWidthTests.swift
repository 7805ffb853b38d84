import Foundation
import Testing

/// No line of any lesson, printed at a given `--width`, is wider than that width on the screen
/// (escape sequences take no columns; wide characters take two).
@Suite("Every lesson within --width")
struct LessonWidthTests {
  static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons").path

  /// The widest line of `output`, in terminal columns.
  static func widest(_ output: String) -> (width: Int, line: String) {
    var widest = (0, "")
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      let plain = String(line).replacingOccurrences(
        of: "\u{1B}\\[[0-9;?]*[@-~]", with: "", options: .regularExpression)
      let width = plain.reduce(0) { $0 + Self.columns($1) }
      if width > widest.0 { widest = (width, plain) }
    }
    return widest
  }

  /// Columns of one character, as a terminal draws it: two for wide East Asian characters and
  /// emoji shown as pictures, one otherwise (the lessons hold no zero-width characters).
  static func columns(_ character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first, !scalar.isASCII else { return 1 }
    if scalar.properties.isEmojiPresentation { return 2 }
    let wide: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60,
    ]
    return wide.contains { $0.contains(scalar.value) } ? 2 : 1
  }

  @Test(
    "lessons 1 to 4 at 40, 60, 80, 100 and 200 columns, with and without colour",
    arguments: [1, 2, 3, 4], [40, 60, 80, 100, 200])
  func fits(lesson: Int, width: Int) throws {
    for color in ["never", "always"] {
      let run = try LearnchatBinary.run([
        "lesson", String(lesson), "--seed", "width", "--width", String(width), "--color", color,
        "--lessons", Self.lessons,
      ])
      #expect(run.status == 0, "\(run.errorOutput)")
      let widest = Self.widest(run.output)
      #expect(widest.width <= width, "\(color): \(widest.width) columns: \(widest.line)")
    }
  }

  @Test("side by side and --present fit too", arguments: [1, 2, 3, 4])
  func layouts(lesson: Int) throws {
    for options in [
      ["--width", "160", "--layout", "side"], ["--width", "130", "--layout", "side"],
      ["--width", "80", "--present"], ["--width", "200"],
    ] {
      let run = try LearnchatBinary.run(
        [
          "lesson", String(lesson), "--seed", "width", "--color", "always", "--lessons",
          Self.lessons,
        ]
          + options)
      #expect(run.status == 0, "\(run.errorOutput)")
      let width = Int(options[1]) ?? 0
      let widest = Self.widest(run.output)
      #expect(widest.width <= width, "\(options): \(widest.width) columns: \(widest.line)")
    }
  }
}
