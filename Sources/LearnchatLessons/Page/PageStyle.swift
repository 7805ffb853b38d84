/// How a lesson's pages are laid out on a terminal: the columns to fill, colour, and where the
/// text and the hex dumps go.
///
/// Prose is set to a readable measure whatever the terminal's width; on a wide terminal the
/// dumps stand beside the text instead of below it.
public struct PageStyle: Sendable, Equatable {
  /// Where the dumps go relative to the text.
  public enum Layout: String, CaseIterable, Sendable {
    /// Side by side when the width allows (`sideBySideWidth` columns or more), else stacked.
    case auto
    /// Side by side whenever both columns fit (`narrowestSideBySide` columns or more).
    case side
    /// Text first, then the dumps, at any width.
    case stacked
  }

  /// Colour, theme and the total width.
  public var settings: TerminalSettings
  /// Where the dumps go.
  public var layout: Layout
  /// The instructor's projector mode: margins, a narrower measure, shorter dumps.
  public var present: Bool
  /// Whether dumps show every byte instead of a head and a tail.
  public var full: Bool

  /// A style filling `settings.width` columns.
  public init(
    settings: TerminalSettings, layout: Layout = .auto, present: Bool = false, full: Bool = false
  ) {
    self.settings = settings
    self.layout = layout
    self.present = present
    self.full = full
  }

  /// The widest prose line: longer lines are hard to follow from one to the next.
  public static let proseMeasure = 100
  /// The prose measure with `--present`, read from the back of a room.
  public static let presentMeasure = 66
  /// The width at which `auto` puts dumps beside the text.
  public static let sideBySideWidth = 160
  /// Below this, even `side` stacks: a 16-byte dump row and a useful text column need it.
  public static let narrowestSideBySide = 120
  /// Columns between the text and the dumps.
  public static let gutter = 3

  /// Blank columns left and right of everything in `--present` mode.
  public var margin: Int {
    guard present else { return 0 }
    return settings.width >= 80 ? 4 : 2
  }

  /// The columns inside the margins.
  public var contentWidth: Int { max(1, settings.width - 2 * margin) }

  /// The width prose is set to.
  public var proseWidth: Int {
    min(contentWidth, present ? Self.presentMeasure : Self.proseMeasure)
  }

  /// The widths of the text and dump columns when they stand side by side, or nil when stacked.
  public var columns: (text: Int, dumps: Int)? {
    let threshold: Int
    switch layout {
    case .stacked: return nil
    case .side: threshold = Self.narrowestSideBySide
    case .auto: threshold = Self.sideBySideWidth
    }
    guard contentWidth >= threshold else { return nil }
    let dumpRow = HexDumpRenderer.rowWidth(bytesPerRow: 16)
    let text = min(proseWidth, contentWidth - Self.gutter - dumpRow)
    return (text, contentWidth - Self.gutter - text)
  }

  /// The width dumps are drawn at when stacked under the text: as wide as a 16-byte row
  /// needs and the prose allows, so the field table lines up with the text above it.
  public var stackedDumpWidth: Int {
    min(contentWidth, max(proseWidth, HexDumpRenderer.rowWidth(bytesPerRow: 16)))
  }

  /// This style with colour, theme and width from `settings`.
  public func with(_ settings: TerminalSettings) -> PageStyle {
    var copy = self
    copy.settings = settings
    return copy
  }
}
