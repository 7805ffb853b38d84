/// The colours of the HTML page, as one table of hex values: a scheme for a light screen, one
/// for a dark screen (`prefers-color-scheme`), and one for paper.
///
/// The page's CSS custom properties are written from this table (`css`), and the tests check
/// every pairing in `textPairs` from the same values, so a colour cannot change without its
/// contrast being checked again.
struct HTMLPalette: Sendable {
  /// The scheme's name, for test messages.
  let name: String
  /// The page behind the lesson text, headings, the stage list and the field tables.
  let page: String
  let text: String
  /// Secondary text: stage numbers, the footer.
  let muted: String
  let link: String
  /// Behind console transcripts and code blocks.
  let code: String
  /// Behind hex dumps.
  let dump: String
  let dumpText: String
  /// Behind the bytes and the table row of the field under the pointer or the focus.
  let highlight: String
  /// Behind the seeded-run and stopped notes.
  let notice: String
  /// Behind the verdict of an attack that worked (or broke the chat).
  let danger: String
  /// Behind the verdict of an attack that failed.
  let safe: String
  /// The focus ring; WCAG asks 3:1 of it, not 4.5:1, as it is not text.
  let focus: String
  /// Borders and rules; decoration only.
  let rule: String
  /// Each actor's colour, for headings, the stage list and console lines.
  let actors: [StageActor: String]
  /// The field colours `f0` ... `f7`, in `ANSIPalette.fieldColors` order.
  let fields: [String]

  /// For screens in light mode, and the default.
  static let light = HTMLPalette(
    name: "light", page: "#fdfdfb", text: "#222222", muted: "#5c5c5c", link: "#1f5bb8",
    code: "#f3f3ef", dump: "#f6f6f4", dumpText: "#222222", highlight: "#fff0b3",
    notice: "#fff4d6", danger: "#fde7ea", safe: "#e6f4ea", focus: "#1f5bb8", rule: "#d4d4cf",
    actors: [.server: "#07748a", .client: "#7a3fa0", .wire: "#8a5d00", .attacker: "#b00020"],
    fields: [
      "#7a5600", "#00707a", "#952a93", "#2a7230", "#1f5bb8", "#b8372a", "#7a5600", "#00707a",
    ])

  /// For screens in dark mode: the same hues, lighter, on a near-black page.
  static let dark = HTMLPalette(
    name: "dark", page: "#16181c", text: "#e6e6e6", muted: "#a8a8a8", link: "#86b3ff",
    code: "#1f2227", dump: "#1f2227", dumpText: "#e6e6e6", highlight: "#3d3a1c",
    notice: "#332b12", danger: "#3a1d22", safe: "#18301f", focus: "#86b3ff", rule: "#3a3f47",
    actors: [.server: "#4fc3d9", .client: "#c89bf0", .wire: "#e0b341", .attacker: "#ff7b8a"],
    fields: [
      "#e3b341", "#4fd0d8", "#e48ae2", "#7fd483", "#86b3ff", "#ff8f80", "#e3b341", "#4fd0d8",
    ])

  /// For paper, whatever the screen's mode: the light scheme's inks on white, since printers
  /// leave backgrounds out by default.
  static let print = HTMLPalette(
    name: "print", page: "#ffffff", text: "#000000", muted: light.muted, link: light.link,
    code: "#ffffff", dump: "#ffffff", dumpText: "#000000", highlight: "#ffffff",
    notice: "#ffffff", danger: "#ffffff", safe: "#ffffff", focus: light.focus, rule: "#999999",
    actors: light.actors, fields: light.fields)

  /// Every scheme, for the tests.
  static let schemes = [light, dark, print]

  /// Each text colour with each background the page draws it on, as the CSS pairs them.
  var textPairs: [(what: String, foreground: String, background: String)] {
    var pairs: [(String, String, String)] = []
    for (what, background) in [
      ("page", page), ("code", code), ("notice", notice), ("danger", danger), ("safe", safe),
      ("highlighted row", highlight),
    ] {
      pairs.append(("text on \(what)", text, background))
    }
    pairs.append(("muted text on page", muted, page))
    pairs.append(("link on page", link, page))
    pairs.append(("link on notice", link, notice))
    for actor in StageActor.allCases {
      let color = actors[actor] ?? text
      pairs.append(("\(actor.rawValue) heading on page", color, page))
      pairs.append(("\(actor.rawValue) console line on code", color, code))
    }
    pairs.append(("dump text on dump", dumpText, dump))
    pairs.append(("dump text highlighted", dumpText, highlight))
    for (slot, color) in fields.enumerated() {
      pairs.append(("f\(slot) bytes on dump", color, dump))
      pairs.append(("f\(slot) bytes highlighted", color, highlight))
      pairs.append(("f\(slot) name in table on page", color, page))
    }
    return pairs
  }

  /// The custom properties the page's and the dumps' CSS read: `--page`, `--f0` and so on.
  var cssVariables: String {
    var lines = [
      "--page: \(page);", "--text: \(text);", "--muted: \(muted);", "--link: \(link);",
      "--code: \(code);", "--dump: \(dump);", "--dump-text: \(dumpText);",
      "--highlight: \(highlight);", "--notice: \(notice);", "--danger: \(danger);",
      "--safe: \(safe);", "--focus: \(focus);", "--rule: \(rule);",
    ]
    for actor in StageActor.allCases {
      lines.append("--\(actor.rawValue): \(actors[actor] ?? text);")
    }
    for (slot, color) in fields.enumerated() {
      lines.append("--f\(slot): \(color);")
    }
    return lines.joined(separator: " ")
  }

  /// The custom properties for all three schemes: light by default, dark on screens that ask
  /// for it, and the paper scheme in print, so a page printed from a dark screen is not dark.
  static var css: String {
    """
    :root { color-scheme: light dark; \(light.cssVariables) }
    @media screen and (prefers-color-scheme: dark) { :root { \(dark.cssVariables) } }
    @media print { :root { color-scheme: light; \(print.cssVariables) } }

    """
  }
}
