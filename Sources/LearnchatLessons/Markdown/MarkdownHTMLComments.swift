/// Finds HTML comments in raw HTML from a Markdown document.
enum MarkdownHTMLComments {
  /// The HTML with every complete `<!-- ... -->` comment removed. An unterminated comment
  /// (cmark ends an HTML block at the end of the document) runs to the end and is removed too.
  static func removing(from html: String) -> String {
    var output = ""
    var rest = html[...]
    while let open = rest.firstRange(of: "<!--") {
      output += rest[..<open.lowerBound]
      let afterOpen = rest[open.upperBound...]
      guard let close = afterOpen.firstRange(of: "-->") else { return output }
      rest = afterOpen[close.upperBound...]
    }
    return output + rest
  }
}
