/// The colours learnchat writes, named by what they show rather than by hue.
///
/// Naming by role keeps the choice of hue in one place: a renderer asks for `.server`, not for
/// cyan, and each `Theme` decides what `.server` looks like on its background.
public enum TerminalColor: String, CaseIterable, Sendable {
  /// The server's lines and bytes.
  case server
  /// The client's lines and bytes.
  case client
  /// What crossed the socket, as seen by the tap.
  case wire
  /// A man in the middle, or any peer that misbehaves.
  case attacker
  /// Titles and headings.
  case heading
  /// Text that matters less: the omitted-bytes line, hints.
  case muted
  /// A weakness being pointed out.
  case warning
  /// A failure.
  case error
  /// The first field of a dump; the field colours are used in turn (see `ANSIPalette.fieldColors`).
  case field0
  /// The second field colour.
  case field1
  /// The third field colour.
  case field2
  /// The fourth field colour.
  case field3
  /// The fifth field colour.
  case field4
  /// The sixth field colour.
  case field5
  /// The seventh field colour.
  case field6
  /// The eighth field colour.
  case field7

  /// The SGR parameters that select this colour in the dark theme, such as `"1;38;5;203"`.
  ///
  /// Kept for callers that predate themes; renderers ask `sgrParameters(in:)` for the theme
  /// they were given.
  public var sgrParameters: String {
    sgrParameters(in: .dark)
  }

  /// The SGR parameters that select this colour in `theme` (see `ThemePalette`).
  public func sgrParameters(in theme: Theme) -> String {
    theme.palette.ink(for: self).sgrParameters
  }
}
