/// Makes text from a lesson file safe to print on a terminal.
enum MarkdownVisibleText {
  /// Whether a Character separates words (and so is a place where a line may break). A
  /// no-break space is deliberately not one.
  static func isBreakingSpace(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\n" || character == "\r"
      || character == "\r\n"
  }

  /// Replaces control characters (ESC, BEL, backspace, C1 controls ...) with U+FFFD, so that a
  /// lesson file cannot move the cursor, change colours, or hide text. Tabs and newlines are
  /// the caller's business and are left alone.
  static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      scalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
    }
    return String(scalars)
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar != "\t", scalar != "\n", scalar != "\r" else { return false }
    return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Replaces each tab with spaces up to the next multiple of `tabWidth` columns.
  static func expandingTabs(_ line: String, tabWidth: Int = 4) -> String {
    guard line.contains("\t") else { return line }
    var output = ""
    var column = 0
    for character in line {
      if character == "\t" {
        let spaces = tabWidth - column % tabWidth
        output += String(repeating: " ", count: spaces)
        column += spaces
      } else {
        output.append(character)
        column += 1
      }
    }
    return output
  }

  /// The string without trailing spaces and tabs.
  static func trimmingTrailingSpaces(_ line: String) -> String {
    var line = line
    while let last = line.last, last == " " || last == "\t" {
      line.removeLast()
    }
    return line
  }
}
