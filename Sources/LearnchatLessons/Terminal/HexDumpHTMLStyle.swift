extension HexDumpHTMLRenderer {
  /// The styles for `render`'s output, to embed once in a page's `<style>`.
  ///
  /// The field colours `f0` ... `f7` are darker versions of the terminal's field colours, in the
  /// same order, so they stay readable on paper; the last two are underlined, as in the terminal.
  public static let css = """
    figure.hexdump-figure { margin: 1em 0; }
    figure.hexdump-figure figcaption { font-weight: bold; margin-bottom: 0.3em; }
    pre.hexdump {
      font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
      font-size: 0.9em; line-height: 1.35; background: #f6f6f4; color: #222;
      padding: 0.6em 0.9em; border-radius: 4px; overflow-x: auto;
    }
    table.fields { border-collapse: collapse; margin-top: 0.4em; font-size: 0.9em; }
    table.fields th, table.fields td {
      border-bottom: 1px solid #ddd; padding: 0.15em 0.8em 0.15em 0; text-align: left;
      vertical-align: top;
    }
    table.fields td { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    table.fields td.num { text-align: right; }
    .hexdump .f0, .fields .f0 { color: #8a6100; }
    .hexdump .f1, .fields .f1 { color: #00797f; }
    .hexdump .f2, .fields .f2 { color: #9c2a9a; }
    .hexdump .f3, .fields .f3 { color: #2e7d32; }
    .hexdump .f4, .fields .f4 { color: #1f5fbf; }
    .hexdump .f5, .fields .f5 { color: #c0392b; }
    .hexdump .f6, .fields .f6 { color: #8a6100; text-decoration: underline; }
    .hexdump .f7, .fields .f7 { color: #00797f; text-decoration: underline; }
    .fields span[class^="f"] { font-weight: bold; }

    """
}
