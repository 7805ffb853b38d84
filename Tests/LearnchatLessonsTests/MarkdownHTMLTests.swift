import Testing

@testable import LearnchatLessons

/// cmark's HTML renderer with its default, safe options, for handouts.
@Suite struct MarkdownHTMLTests {
  @Test func headingAndEmphasis() {
    #expect(
      MarkdownHTML.render("# Key *wrap*\n\nThe **nonce** is `12` bytes.")
        == "<h1>Key <em>wrap</em></h1>\n<p>The <strong>nonce</strong> is <code>12</code> bytes.</p>\n"
    )
  }

  @Test func rawHTMLIsOmitted() {
    let html = MarkdownHTML.render("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)>")
    #expect(html == "<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted --></p>\n")
    #expect(!html.contains("<script"))
  }

  @Test func dangerousLinksAreDropped() {
    #expect(
      MarkdownHTML.render("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
  }

  @Test func emptyInput() {
    #expect(MarkdownHTML.render("") == "")
  }
}
