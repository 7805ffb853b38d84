/// Renders a `HexDump` as HTML for a handout: the rows in a `<pre class="hexdump">`, then a
/// `<table class="fields">`, inside a `<figure class="hexdump-figure">`.
///
/// Always 16 bytes per row and never shortened: a handout is read at leisure and shows every
/// byte, so there is no width or `full` to choose. Each run of bytes of one field is one
/// `<span class="fN">`, N being the field's colour slot (see `ANSIPalette.fieldSlot`); `css`
/// colours the slots. All text from the dump (title, ASCII column, names, notes) is escaped.
public struct HexDumpHTMLRenderer: Sendable {
  /// A renderer; it has no settings.
  public init() {}

  /// The dump as an HTML fragment ending with a newline.
  public func render(_ dump: HexDump) -> String {
    var html = "<figure class=\"hexdump-figure\">\n"
    if let title = dump.title {
      html += "<figcaption>\(HexDumpHTMLRenderer.escape(title))</figcaption>\n"
    }
    html += "<pre class=\"hexdump\">"
    let layout = HexDumpLayout(bytesPerRow: 16)
    for line in layout.lines(for: dump, truncation: nil) {
      guard case .row(let offset, let hex, let ascii) = line else { continue }
      html += HexDumpLayout.offsetText(offset) + "  " + spans(hex) + "  |" + spans(ascii) + "|\n"
    }
    html += "</pre>\n"
    let rows = dump.fieldRows()
    if !rows.isEmpty {
      html += "<table class=\"fields\">\n"
      html += "<thead><tr><th>field</th><th>offset</th><th>length</th><th>value</th></tr></thead>\n"
      html += "<tbody>\n"
      for row in rows {
        let slot = ANSIPalette.fieldSlot(row.index)
        html +=
          "<tr><td><span class=\"f\(slot)\">\(HexDumpHTMLRenderer.escape(row.name))</span></td>"
          + "<td class=\"num\">\(row.offset)</td><td class=\"num\">\(row.length)</td>"
          + "<td>\(HexDumpHTMLRenderer.escape(row.value))</td></tr>\n"
      }
      html += "</tbody>\n</table>\n"
    }
    return html + "</figure>\n"
  }

  private func spans(_ pieces: [HexDumpPiece]) -> String {
    pieces.map { piece in
      let text = HexDumpHTMLRenderer.escape(piece.text)
      guard let index = piece.fieldIndex else { return text }
      return "<span class=\"f\(ANSIPalette.fieldSlot(index))\">\(text)</span>"
    }.joined()
  }

  /// `text` with `&`, `<`, `>` and `"` escaped, safe in element content and quoted attributes.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }
}
