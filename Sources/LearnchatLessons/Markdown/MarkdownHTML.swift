import Ccmark

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Markdown to HTML, by cmark's own HTML renderer, for lesson handouts.
public enum MarkdownHTML {
  /// Renders CommonMark text as an HTML fragment (no `<html>` or `<body>`).
  ///
  /// Uses cmark's default options, which since cmark 0.29 are safe: raw HTML is replaced by
  /// `<!-- raw HTML omitted -->` and `javascript:`, `vbscript:`, `file:` and most `data:` link
  /// destinations are dropped, so a handout cannot carry a script from a lesson file.
  public static func render(_ markdown: String) -> String {
    let html = markdown.utf8CString.withUnsafeBufferPointer { buffer in
      // The buffer ends in a NUL that is not part of the text.
      cmark_markdown_to_html(buffer.baseAddress, buffer.count - 1, Int32(CMARK_OPT_DEFAULT))
    }
    guard let html else { return "" }
    // cmark allocates the result with the C allocator and leaves it to the caller to free.
    defer { free(html) }
    return String(cString: html)
  }
}
