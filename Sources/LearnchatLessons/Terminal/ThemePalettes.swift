/// The three themes' tables. Every entry is a 256-colour palette entry from 16 up (see
/// `ThemeInk`); the contrast ratios in the comments are against the theme's background and are
/// checked by `ThemeContrastTests`.
extension ThemePalette {
  /// For dark terminals, assuming a background like #262626 (entry 235).
  ///
  /// Mid-bright, slightly soft colours; muted text is a grey that still reaches 4.5:1, where
  /// the old SGR 2 (dim) could fall to 2:1 or vanish on a projector.
  static let dark = ThemePalette(
    background: 235, minimumContrast: 4.5,
    server: ThemeInk(80),  // #5fd7d7 cyan, 8.8:1
    client: ThemeInk(114),  // #87d787 green, 8.7:1
    wire: ThemeInk(179),  // #d7af5f tan, 7.3:1
    attacker: ThemeInk(203, bold: true),  // #ff5f5f red, 5.1:1
    heading: ThemeInk(255, bold: true),  // #eeeeee, 13.0:1
    muted: ThemeInk(246),  // #949494 grey, 5.0:1
    warning: ThemeInk(214),  // #ffaf00 orange, 8.2:1
    error: ThemeInk(203),  // #ff5f5f red, 5.1:1
    fields: [
      ThemeInk(220),  // #ffd700 yellow, 10.8:1
      ThemeInk(80),  // #5fd7d7 cyan, 8.8:1
      ThemeInk(213),  // #ff87ff magenta, 7.3:1
      ThemeInk(114),  // #87d787 green, 8.7:1
      ThemeInk(111),  // #87afff blue, 6.9:1
      ThemeInk(210),  // #ff8787 red, 6.5:1
      ThemeInk(220, underline: true),
      ThemeInk(80, underline: true),
    ],
    heading1: ThemeInk(213, bold: true),  // #ff87ff magenta, 7.3:1
    heading2: ThemeInk(114, bold: true),  // #87d787 green, 8.7:1
    code: ThemeInk(116),  // #87d7d7 cyan, 9.2:1
    url: ThemeInk(246),  // #949494 grey, 5.0:1
    decoration: ThemeInk(246))

  /// For light terminals, assuming a background like #eeeeee (entry 255).
  ///
  /// Deep colours only: the bright yellow and cyan of SGR 33 and 36, and dim text, all fall
  /// below 2:1 on white and wash out completely on a projector.
  static let light = ThemePalette(
    background: 255, minimumContrast: 4.5,
    server: ThemeInk(24),  // #005f87 blue-cyan, 6.1:1
    client: ThemeInk(22),  // #005f00 green, 6.9:1
    wire: ThemeInk(94),  // #875f00 brown, 4.9:1
    attacker: ThemeInk(124, bold: true),  // #af0000 red, 6.4:1
    heading: ThemeInk(232, bold: true),  // #080808, 17.3:1
    muted: ThemeInk(241),  // #626262 grey, 5.3:1
    warning: ThemeInk(94, bold: true),  // #875f00 brown, 4.9:1
    error: ThemeInk(124),  // #af0000 red, 6.4:1
    fields: [
      ThemeInk(94),  // #875f00 brown, 4.9:1
      ThemeInk(23),  // #005f5f teal, 6.5:1
      ThemeInk(90),  // #870087 purple, 7.6:1
      ThemeInk(22),  // #005f00 green, 6.9:1
      ThemeInk(25),  // #005faf blue, 5.6:1
      ThemeInk(124),  // #af0000 red, 6.4:1
      ThemeInk(94, underline: true),
      ThemeInk(23, underline: true),
    ],
    heading1: ThemeInk(90, bold: true),  // #870087 purple, 7.6:1
    heading2: ThemeInk(22, bold: true),  // #005f00 green, 6.9:1
    code: ThemeInk(24),  // #005f87 blue-cyan, 6.1:1
    url: ThemeInk(241),  // #626262 grey, 5.3:1
    decoration: ThemeInk(241))

  /// For projectors and low vision, assuming black (entry 16): saturated, bright colours, every
  /// one at least 7:1.
  static let highContrast = ThemePalette(
    background: 16, minimumContrast: 7,
    server: ThemeInk(51),  // #00ffff cyan, 16.7:1
    client: ThemeInk(120),  // #87ff87 green, 16.7:1
    wire: ThemeInk(226),  // #ffff00 yellow, 19.6:1
    attacker: ThemeInk(210, bold: true),  // #ff8787 red, 9.1:1
    heading: ThemeInk(231, bold: true),  // #ffffff, 21:1
    muted: ThemeInk(250),  // #bcbcbc grey, 11.1:1
    warning: ThemeInk(220, bold: true),  // #ffd700 yellow, 15.0:1
    error: ThemeInk(210, bold: true),  // #ff8787 red, 9.1:1
    fields: [
      ThemeInk(226),  // #ffff00 yellow, 19.6:1
      ThemeInk(51),  // #00ffff cyan, 16.7:1
      ThemeInk(213),  // #ff87ff magenta, 10.2:1
      ThemeInk(46),  // #00ff00 green, 15.3:1
      ThemeInk(111),  // #87afff blue, 9.6:1
      ThemeInk(210),  // #ff8787 red, 9.1:1
      ThemeInk(226, underline: true),
      ThemeInk(51, underline: true),
    ],
    heading1: ThemeInk(213, bold: true),  // #ff87ff magenta, 10.2:1
    heading2: ThemeInk(120, bold: true),  // #87ff87 green, 16.7:1
    code: ThemeInk(123),  // #87ffff cyan, 17.8:1
    url: ThemeInk(250),  // #bcbcbc grey, 11.1:1
    decoration: ThemeInk(250))
}
