/// Every colour of one theme, by role, and the background the theme assumes.
///
/// The single table both renderers read (the hex dump and stage headings through `Painter`,
/// Markdown through `MarkdownStyle`) and the contrast tests check, so what is tested is what is
/// shown. The three tables themselves are in `ThemePalettes.swift`.
public struct ThemePalette: Sendable {
  /// The 256-colour palette entry of the background the theme is made for. The theme never
  /// paints it: it is what the contrast of every colour is measured against.
  public let background: UInt8
  /// The contrast ratio every colour reaches against `background`: 4.5 (WCAG AA), or 7 (AAA)
  /// for the high-contrast theme.
  public let minimumContrast: Double

  let server: ThemeInk
  let client: ThemeInk
  let wire: ThemeInk
  let attacker: ThemeInk
  let heading: ThemeInk
  let muted: ThemeInk
  let warning: ThemeInk
  let error: ThemeInk
  /// `field0` to `field7`, in order: neighbours differ in hue, and the last two are underlined
  /// because they repeat the hues of the first two.
  let fields: [ThemeInk]

  /// Level 1 headings of lesson text.
  let heading1: ThemeInk
  /// Level 2 headings of lesson text.
  let heading2: ThemeInk
  /// Code spans and code blocks.
  let code: ThemeInk
  /// Link destinations and image sources: there to be read or copied, not to draw the eye.
  let url: ThemeInk
  /// Rules, quote bars, continuation marks: lines that only give shape.
  let decoration: ThemeInk

  /// The ink of a role of `TerminalColor`.
  public func ink(for color: TerminalColor) -> ThemeInk {
    switch color {
    case .server: return server
    case .client: return client
    case .wire: return wire
    case .attacker: return attacker
    case .heading: return heading
    case .muted: return muted
    case .warning: return warning
    case .error: return error
    case .field0: return fields[0]
    case .field1: return fields[1]
    case .field2: return fields[2]
    case .field3: return fields[3]
    case .field4: return fields[4]
    case .field5: return fields[5]
    case .field6: return fields[6]
    case .field7: return fields[7]
    }
  }

  /// The ink of a colour of the Markdown renderer.
  func ink(for role: MarkdownColorRole) -> ThemeInk {
    switch role {
    case .heading1: return heading1
    case .heading2: return heading2
    case .code: return code
    case .url: return url
    case .decoration: return decoration
    }
  }

  /// Every ink of the theme with the name of its role, for checks that must cover them all.
  var allInks: [(role: String, ink: ThemeInk)] {
    TerminalColor.allCases.map { ($0.rawValue, ink(for: $0)) }
      + MarkdownColorRole.allCases.map { ("markdown \($0)", ink(for: $0)) }
  }
}
