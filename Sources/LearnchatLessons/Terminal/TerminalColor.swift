/// The colours learnchat writes, named by what they show rather than by hue.
///
/// Naming by role keeps the choice of hue in one place: a renderer asks for `.server`, not for
/// cyan, so the palette can change without touching renderers.
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

  /// The SGR parameters that select this colour, such as `"1;31"` for bold red.
  ///
  /// Adjacent field colours differ in hue, and the last two are underlined, so that neighbouring
  /// fields stay distinct on both dark and light backgrounds.
  public var sgrParameters: String {
    switch self {
    case .server: return "36"
    case .client: return "32"
    case .wire: return "33"
    case .attacker: return "1;31"
    case .heading: return "1"
    case .muted: return "2"
    case .warning: return "33"
    case .error: return "31"
    case .field0: return "33"
    case .field1: return "36"
    case .field2: return "35"
    case .field3: return "32"
    case .field4: return "94"
    case .field5: return "91"
    case .field6: return "4;33"
    case .field7: return "4;36"
    }
  }
}
