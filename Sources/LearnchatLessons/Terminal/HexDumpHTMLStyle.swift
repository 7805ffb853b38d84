extension HexDumpHTMLRenderer {
  /// The styles for `render`'s output, to embed once in a page's `<style>` after
  /// `HTMLPalette.css`, whose custom properties (`--dump`, `--f0` ...) give the colours.
  ///
  /// The field colours `f0` ... `f7` follow the terminal's field colours in order, chosen per
  /// colour scheme to stay readable (see `HTMLPalette`); the last two repeat the first two,
  /// underlined, as in the terminal.
  ///
  /// `.dump-rows` is a size container in the dumps' own monospace font, so its `ch` is one
  /// column of a dump: while a 16-byte row (with the padding) fits, that layout shows, else
  /// the 8-byte one, in smaller type when even that would not fit. Browsers without container queries show
  /// the 16-byte rows and scroll.
  public static let css = """
    figure.hexdump-figure { margin: 1em 0; }
    figure.hexdump-figure figcaption { font-weight: bold; margin-bottom: 0.3em; }
    .dump-rows {
      container-type: inline-size;
      font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em;
    }
    pre.hexdump {
      font: inherit; line-height: 1.35; margin: 0; background: var(--dump); color: var(--dump-text);
      padding: 0.6em \(paddingColumns)ch; border-radius: 4px; overflow-x: auto;
    }
    pre.hexdump[data-row-bytes="8"] { display: none; }
    @container (width < \(rowColumns(16))ch) {
      pre.hexdump[data-row-bytes="16"] { display: none; }
      pre.hexdump[data-row-bytes="8"] { display: block; }
    }
    @container (width < \(rowColumns(8))ch) {
      /* Narrower still (a phone): smaller type rather than a sideways scroll. */
      pre.hexdump[data-row-bytes="8"] { font-size: \(narrowTypeSize)cqi; }
    }
    table.fields { border-collapse: collapse; margin-top: 0.4em; font-size: 0.9em; max-width: 100%; }
    table.fields th, table.fields td {
      border-bottom: 1px solid var(--rule); padding: 0.15em 0.8em 0.15em 0.3em; text-align: left;
      vertical-align: top;
    }
    table.fields td { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    table.fields td:last-child { overflow-wrap: anywhere; }
    table.fields td.num { text-align: right; }
    .hexdump .f0, .fields .f0 { color: var(--f0); }
    .hexdump .f1, .fields .f1 { color: var(--f1); }
    .hexdump .f2, .fields .f2 { color: var(--f2); }
    .hexdump .f3, .fields .f3 { color: var(--f3); }
    .hexdump .f4, .fields .f4 { color: var(--f4); }
    .hexdump .f5, .fields .f5 { color: var(--f5); }
    .hexdump .f6, .fields .f6 { color: var(--f6); text-decoration: underline; }
    .hexdump .f7, .fields .f7 { color: var(--f7); text-decoration: underline; }
    .fields span[class^="f"] { font-weight: bold; }
    .hexdump [data-field] { border-radius: 2px; }
    .hexdump [data-field].hl { background: var(--highlight); box-shadow: 0 0 0 1px currentColor; }
    table.fields tr[data-field].hl { background: var(--highlight); }
    .hexdump [data-field]:focus { outline: none; }
    .hexdump [data-field]:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
    table.fields tr[data-field]:focus { outline: none; }
    table.fields tr[data-field]:focus-visible {
      outline: 3px solid var(--focus); outline-offset: -3px;
    }
    @media print {
      pre.hexdump { border: 1px solid var(--rule); overflow: visible; }
      figure.hexdump-figure { break-inside: avoid; }
      table.fields tr { break-inside: avoid; }
    }

    """

  /// Columns of padding on each side of a dump.
  static let paddingColumns = 1.5

  /// The type size, in hundredths of the container's width, at which an 8-byte row fills it:
  /// a monospace column is about 0.6 of the type's size, and 0.62 leaves a margin.
  static var narrowTypeSize: Double {
    (100 / (rowColumns(8) * 0.62) * 100).rounded(.down) / 100
  }

  /// Columns a row of `bytesPerRow` bytes needs with its padding: 78 for 16 bytes, as
  /// `hexdump -C`, or 45 for 8, plus 3.
  static func rowColumns(_ bytesPerRow: Int) -> Double {
    Double(HexDumpRenderer.rowWidth(bytesPerRow: bytesPerRow)) + 2 * paddingColumns
  }
}
