/// `{{name}}` placeholders in a parsed lesson section, filled in the tree rather than in the
/// Markdown source: a live value is text, so a `*`, a backtick or a `<` in it stays a `*`, a
/// backtick or a `<` on screen and on the page, and the section is parsed once, when the
/// lesson is loaded.
///
/// Placeholders are found where text is shown: in text, in code spans and in code blocks
/// (a PEM key goes in a fenced block); not in link destinations or raw HTML.
extension MarkdownDocument {
  /// The placeholder names used, in order of first use.
  var placeholderNames: [String] {
    var names: [String] = []
    var seen: Set<String> = []
    _ = mapText { text in
      for name in Placeholders.names(in: text) where seen.insert(name).inserted {
        names.append(name)
      }
      return text
    }
    return names
  }

  /// The document with each `{{name}}` replaced by `values[name]`; names without a value are
  /// left as written.
  func filling(_ values: [String: String]) -> MarkdownDocument {
    guard !values.isEmpty else { return self }
    return mapText { Placeholders.fill($0, with: values) }
  }

  /// The document with `transform` applied to every shown text: text runs (adjacent ones
  /// joined first, since cmark splits text at characters such as `_` that might have been
  /// emphasis), code spans and code blocks.
  private func mapText(_ transform: (String) -> String) -> MarkdownDocument {
    MarkdownDocument(
      blocks: blocks.map { node in
        MarkdownBlockNode(
          block: node.block.mapText(transform), startLine: node.startLine, endLine: node.endLine)
      })
  }
}

extension MarkdownBlock {
  fileprivate func mapText(_ transform: (String) -> String) -> MarkdownBlock {
    switch self {
    case .heading(let level, let inlines):
      .heading(level: level, inlines.mapText(transform))
    case .paragraph(let inlines): .paragraph(inlines.mapText(transform))
    case .codeBlock(let info, let literal): .codeBlock(info: info, literal: transform(literal))
    case .htmlBlock, .thematicBreak: self
    case .blockQuote(let children): .blockQuote(children.map { $0.mapText(transform) })
    case .list(let list):
      .list(
        MarkdownList(
          ordered: list.ordered, start: list.start, tight: list.tight,
          items: list.items.map { item in item.map { $0.mapText(transform) } }))
    }
  }
}

extension [MarkdownInline] {
  fileprivate func mapText(_ transform: (String) -> String) -> [MarkdownInline] {
    var result: [MarkdownInline] = []
    var run: [String] = []
    func endRun() {
      if !run.isEmpty { result.append(.text(transform(run.joined()))) }
      run = []
    }
    for inline in self {
      if case .text(let text) = inline {
        run.append(text)
        continue
      }
      endRun()
      switch inline {
      case .code(let code): result.append(.code(transform(code)))
      case .emphasis(let children): result.append(.emphasis(children.mapText(transform)))
      case .strong(let children): result.append(.strong(children.mapText(transform)))
      case .link(let destination, let title, let children):
        result.append(.link(destination: destination, title: title, children.mapText(transform)))
      case .image(let source, let title, let alt):
        result.append(.image(source: source, title: title, alt: alt.mapText(transform)))
      case .text, .softBreak, .lineBreak, .html: result.append(inline)
      }
    }
    endRun()
    return result
  }
}
