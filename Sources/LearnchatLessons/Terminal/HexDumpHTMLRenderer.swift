/// Renders a `HexDump` as HTML for a handout: the rows twice, 16 and 8 bytes to a row, each in a
/// `<pre class="hexdump" data-row-bytes="N">`, then a `<table class="fields">`, inside a
/// `<figure class="hexdump-figure">`.
///
/// Never shortened: a handout is read at leisure and shows every byte. Both layouts are in the
/// page and `css` shows the one that fits the width of the figure, so a narrow or zoomed window
/// gets 8 bytes a row instead of a sideways scroll, and neither depends on a script.
///
/// Each run of bytes of one field is one `<span class="fN" data-field="I">`, N being the
/// field's colour slot (see `ANSIPalette.fieldSlot`) and I its place in `HexDump.fields`; each
/// table row is a `<tr data-field="I" tabindex="0">`. The page's script uses them to highlight
/// a field's bytes and row together; the first run of each field in a layout is in the tab
/// order, the others can be clicked to focus. All text from the dump (title, ASCII column,
/// names, notes) is escaped.
public struct HexDumpHTMLRenderer: Sendable {
  /// The layouts each dump is written in, widest first; `css` picks one by the space there is.
  public static let rowLayouts = [16, 8]

  /// A renderer; it has no settings.
  public init() {}

  /// The dump as an HTML fragment ending with a newline.
  public func render(_ dump: HexDump) -> String {
    var html = "<figure class=\"hexdump-figure\">\n"
    if let title = dump.title {
      html += "<figcaption>\(HTMLEscaping.text(title))</figcaption>\n"
    }
    html += "<div class=\"dump-rows\">\n"
    for bytesPerRow in HexDumpHTMLRenderer.rowLayouts {
      html += "<pre class=\"hexdump\" data-row-bytes=\"\(bytesPerRow)\">"
      html += rows(dump, bytesPerRow: bytesPerRow)
      html += "</pre>\n"
    }
    html += "</div>\n"
    html += fieldTable(dump)
    return html + "</figure>\n"
  }

  /// The rows of one layout, each ending with a newline.
  private func rows(_ dump: HexDump, bytesPerRow: Int) -> String {
    var html = ""
    // Fields that already have a run in the tab order in this layout.
    var reachable = Set<Int>()
    for line in HexDumpLayout(bytesPerRow: bytesPerRow).lines(for: dump, truncation: nil) {
      guard case .row(let offset, let hex, let ascii) = line else { continue }
      html +=
        HexDumpLayout.offsetText(offset) + "  " + spans(hex, &reachable) + "  |"
        + spans(ascii, &reachable) + "|\n"
    }
    return html
  }

  private func spans(_ pieces: [HexDumpPiece], _ reachable: inout Set<Int>) -> String {
    pieces.map { piece in
      let text = HTMLEscaping.text(piece.text)
      guard let index = piece.fieldIndex else { return text }
      // One tab stop per field and layout: tabbing through every run of a long key would
      // bury the rest of the page.
      let tabIndex = reachable.insert(index).inserted ? 0 : -1
      return "<span class=\"f\(ANSIPalette.fieldSlot(index))\" data-field=\"\(index)\" "
        + "tabindex=\"\(tabIndex)\">\(text)</span>"
    }.joined()
  }

  /// The field table, or nothing when the dump has no fields.
  ///
  /// A row whose field contains other, earlier fields (a part listed before its whole, see
  /// `HexDump.fields`) names them in `data-parts`: their bytes are drawn as theirs, so the row
  /// lights them up too.
  private func fieldTable(_ dump: HexDump) -> String {
    let rows = dump.fieldRows()
    guard !rows.isEmpty else { return "" }
    var html = "<table class=\"fields\">\n"
    html += "<thead><tr><th>field</th><th>offset</th><th>length</th><th>value</th></tr></thead>\n"
    html += "<tbody>\n"
    for row in rows {
      let slot = ANSIPalette.fieldSlot(row.index)
      let parts = HexDumpHTMLRenderer.parts(of: row.index, in: dump.fields)
      let partsAttribute =
        parts.isEmpty ? "" : " data-parts=\"\(parts.map(String.init).joined(separator: " "))\""
      html +=
        "<tr data-field=\"\(row.index)\"\(partsAttribute) tabindex=\"0\">"
        + "<td><span class=\"f\(slot)\">\(HTMLEscaping.text(row.name))</span></td>"
        + "<td class=\"num\">\(row.offset)</td><td class=\"num\">\(row.length)</td>"
        + "<td>\(HTMLEscaping.text(row.value))</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// The earlier fields lying wholly inside field `index`, whose colour its bytes take.
  static func parts(of index: Int, in fields: [ByteField]) -> [Int] {
    let whole = fields[index].range
    return fields.indices.filter { other in
      let part = fields[other].range
      return other < index && !part.isEmpty && whole.lowerBound <= part.lowerBound
        && part.upperBound <= whole.upperBound
    }
  }
}
