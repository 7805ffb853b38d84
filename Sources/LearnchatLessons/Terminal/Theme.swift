/// A set of colours chosen for one kind of screen: the value of `--theme`.
///
/// A theme only matters when colour is on. Each one assumes a background (see
/// `ThemePalette.background`) and picks every colour to stay readable on it, so a projector in
/// a bright room can use `light` and a washed-out one `high-contrast`. The raw values are the
/// spellings on the command line and in `LEARNCHAT_THEME`.
public enum Theme: String, CaseIterable, Sendable {
  /// Light text on a dark grey background, the usual terminal.
  case dark
  /// Dark text on a near-white background.
  case light
  /// Bright text on black, every colour at least 7:1 against it.
  case highContrast = "high-contrast"

  /// The escape sequences of this theme: one table for every role.
  public var palette: ThemePalette {
    switch self {
    case .dark: return .dark
    case .light: return .light
    case .highContrast: return .highContrast
    }
  }
}
