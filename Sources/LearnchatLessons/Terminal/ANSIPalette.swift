/// The escape sequences behind `TerminalColor`, and the order in which fields take colours.
///
/// The colours themselves are in each theme's `ThemePalette`.
public enum ANSIPalette {
  /// The colours given to the fields of a dump: field `i` takes `fieldColors[i % count]`.
  ///
  /// The HTML renderer's classes `f0` ... `f7` follow the same order, so a handout and a terminal
  /// colour the same field alike.
  public static let fieldColors: [TerminalColor] = [
    .field0, .field1, .field2, .field3, .field4, .field5, .field6, .field7,
  ]

  /// The colour of field number `index` (0 for the first field), cycling through `fieldColors`.
  public static func fieldColor(_ index: Int) -> TerminalColor {
    fieldColors[fieldSlot(index)]
  }

  /// Which of the `fieldColors` (and of the HTML classes `f0` ... `f7`) field `index` uses.
  public static func fieldSlot(_ index: Int) -> Int {
    let count = fieldColors.count
    return ((index % count) + count) % count
  }

  /// The sequence that switches to `color` in `theme` (the dark theme unless told).
  public static func start(_ color: TerminalColor, theme: Theme = .dark) -> String {
    "\u{1B}[\(color.sgrParameters(in: theme))m"
  }

  /// The sequence that returns to the terminal's default colours and attributes.
  public static let reset = "\u{1B}[0m"
}
