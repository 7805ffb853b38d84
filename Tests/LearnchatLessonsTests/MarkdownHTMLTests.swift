import Ccmark
import Foundation
import Testing

@testable import LearnchatLessons

#if canImport(Glibc)
  import Glibc
#endif

/// Markdown to HTML by our walker over the Swift tree, checked against cmark's own renderer.
@Suite struct MarkdownHTMLTests {
  @Test func headingAndEmphasis() {
    #expect(
      MarkdownHTML.render("# Key *wrap*\n\nThe **nonce** is `12` bytes.")
        == "<h1>Key <em>wrap</em></h1>\n<p>The <strong>nonce</strong> is <code>12</code> bytes.</p>\n"
    )
  }

  @Test("raw HTML, block or inline, is left out of a handout entirely")
  func rawHTMLIsOmitted() {
    let html = MarkdownHTML.render("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)>")
    #expect(html == "<p>Text </p>\n")
  }

  @Test(
    "links to scripts, local files and non-image data are dropped",
    arguments: [
      "javascript:alert(1)", "JavaScript:alert(1)", "vbscript:x", "file:///etc/passwd",
      "data:text/html;base64,PHNjcmlwdD4=",
    ])
  func dangerousLinksAreDropped(destination: String) {
    #expect(MarkdownHTML.render("[x](<\(destination)>)") == "<p><a href=\"\">x</a></p>\n")
  }

  @Test func imageDataIsKept() {
    #expect(
      MarkdownHTML.render("![a *b*](data:image/png;base64,AA)")
        == "<p><img src=\"data:image/png;base64,AA\" alt=\"a b\" /></p>\n")
  }

  @Test func emptyInput() {
    #expect(MarkdownHTML.render("") == "")
  }

  /// Every construct the tree holds, in the combinations where HTML writers differ: tight and
  /// loose lists, nested quotes, code with info strings, escapes, entities, URLs to encode.
  static let constructs = [
    "# One\n## Two *em* **strong** `code`\n###### Six",
    "Setext\n======\n\nSub\n---",
    "a  \nhard break\\\nand soft\nbreak",
    "- tight\n- list\n  - nested\n  - items\n- end",
    "1. loose\n\n2. list\n\n   with a second paragraph\n\n3. end",
    "3) starts at three\n4) four",
    "- item\n\n  ```sh\n  code in an item\n  ```\n- next",
    "> quote\n> > nested *quote*\n>\n> - list in quote",
    "```swift extra words\nlet x = \"<tag>\" & y\n```",
    "    indented code\n    with <angle> & \"quotes\"",
    "***\n\n___",
    "Entities: &amp; &lt; &copy; &#x41; \\* \\` \\< and \"quotes\" and 'single'",
    "[link](http://example.com/a b?q=1&r=<2> \"Title & 'more'\") and <https://x.org/é>",
    "[ref] and [other][ref]\n\n[ref]: /path/with%20space \"t\"",
    "![image *alt* `code`](img.png \"title\") and ![](empty.png)",
    "<mail@example.com> and www.not-auto.org",
    "Text with <span>inline</span> HTML and <!-- comment -->.",
    "<div>\nblock html\n</div>\n\nafter",
    "* a\n\n  b\n* c",
    "- [ ] not a task list\n- `x`",
    "line with trailing backslash\\",
    "Ünïcödé — “quotes” 日本語 🎉",
  ]

  @Test("our HTML equals cmark's own renderer's, raw HTML aside", arguments: constructs)
  func agreesWithCmark(markdown: String) {
    #expect(MarkdownHTML.render(markdown) == Self.cmarkHTML(markdown))
  }

  @Test("every lesson file renders as cmark renders it, raw HTML aside")
  func lessonsAgreeWithCmark() throws {
    let folder = URL(fileURLWithPath: LessonCommandsTests.lessonsFolder)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".md") }
    #expect(files.count >= 4)
    for file in files {
      let markdown = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(MarkdownHTML.render(markdown) == Self.cmarkHTML(markdown), "\(file)")
    }
  }

  /// cmark's HTML with its default (safe) options, minus the `<!-- raw HTML omitted -->`
  /// stand-ins our renderer does not write.
  static func cmarkHTML(_ markdown: String) -> String {
    let html = markdown.utf8CString.withUnsafeBufferPointer { buffer in
      cmark_markdown_to_html(buffer.baseAddress, buffer.count - 1, Int32(CMARK_OPT_DEFAULT))
    }
    guard let html else { return "" }
    defer { free(html) }
    return String(cString: html)
      .replacingOccurrences(of: "<!-- raw HTML omitted -->\n", with: "")
      .replacingOccurrences(of: "<!-- raw HTML omitted -->", with: "")
  }
}
