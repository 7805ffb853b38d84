/// One colour of a theme: a colour of the 256-colour palette, and whether it is bold or
/// underlined.
///
/// Only palette entries 16 to 255 are used: their RGB values are the same in every terminal
/// (see `Xterm256`), so the contrast of a theme can be computed. Entries 0 to 15 are redefined
/// by every terminal's colour scheme, and plain SGR 30-37 with them.
public struct ThemeInk: Sendable, Equatable {
  /// The 256-colour palette entry, 16 to 255.
  public let color: UInt8
  /// Whether the text is bold too.
  public let bold: Bool
  /// Whether the text is underlined too (the last two field colours, so that fields that
  /// share a hue with an earlier one stay apart).
  public let underline: Bool

  /// An ink of palette entry `color`, plain unless `bold` or `underline` is set.
  public init(_ color: UInt8, bold: Bool = false, underline: Bool = false) {
    self.color = color
    self.bold = bold
    self.underline = underline
  }

  /// The SGR parameters that select this ink, such as `"1;38;5;203"`.
  public var sgrParameters: String {
    var parameters: [String] = []
    if bold { parameters.append("1") }
    if underline { parameters.append("4") }
    return (parameters + ["38;5;\(color)"]).joined(separator: ";")
  }
}
