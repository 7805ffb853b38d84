#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Theme {
  /// The theme to use: `--theme`, then `LEARNCHAT_THEME`, then what `COLORFGBG` says about the
  /// background, then `dark`.
  ///
  /// Pure, so every rule can be tested: the caller passes the environment. A `LEARNCHAT_THEME`
  /// that names no theme is ignored rather than refused, as a stray variable should not stop a
  /// lesson; spelling is forgiving only about case and surrounding spaces.
  public static func resolve(requested: Theme?, environment: [String: String]) -> Theme {
    if let requested { return requested }
    if let named = environment["LEARNCHAT_THEME"].flatMap(named) { return named }
    if let guessed = environment["COLORFGBG"].flatMap(fromColorFGBG) { return guessed }
    return .dark
  }

  /// The theme spelled `text`, ignoring case and surrounding spaces; nil when none is.
  static func named(_ text: String) -> Theme? {
    Theme(rawValue: text.trimmingWhiteSpace().lowercased())
  }

  /// The theme `COLORFGBG` implies, or nil when it does not say.
  ///
  /// rxvt, Konsole and others set `COLORFGBG` to `fg;bg` or `fg;default;bg`, where bg is one of
  /// the 16 basic colour numbers. Background 7 (light grey) and 9 to 15 (the bright colours)
  /// are light backgrounds; 0 to 6 and 8 (dark grey) are dark. Anything else (`default`, a
  /// number above 15, the wrong number of fields) tells nothing and gives nil.
  static func fromColorFGBG(_ value: String) -> Theme? {
    let fields = value.split(separator: ";", omittingEmptySubsequences: false)
    guard fields.count == 2 || fields.count == 3, let last = fields.last,
      !last.isEmpty, last.allSatisfy({ $0.isASCII && $0.isNumber }),
      let background = Int(last), (0...15).contains(background)
    else { return nil }
    return background == 7 || background >= 9 ? .light : .dark
  }
}
