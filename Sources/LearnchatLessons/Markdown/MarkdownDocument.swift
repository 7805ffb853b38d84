internal import Ccmark

/// A parsed Markdown document: cmark's parse tree copied into Swift values.
///
/// Parsing calls cmark once, copies every node, and frees cmark's tree before the initializer
/// returns, so a document owns no C memory and can be shared freely between tasks.
public struct MarkdownDocument: Sendable, Equatable {
  /// The top-level blocks, in source order, each with its source line range.
  public let blocks: [MarkdownBlockNode]

  /// Parses CommonMark text with cmark's default options.
  ///
  /// Parsing never fails: CommonMark gives every input a meaning. Raw HTML is kept in the tree
  /// as written; it is the renderers that decide what to show.
  public init(parsing text: String) {
    let root = text.utf8CString.withUnsafeBufferPointer { buffer in
      // The buffer ends in a NUL that is not part of the text.
      cmark_parse_document(buffer.baseAddress, buffer.count - 1, Int32(CMARK_OPT_DEFAULT))
    }
    guard let root else {
      // cmark returns NULL only when it cannot allocate memory.
      self.blocks = []
      return
    }
    defer { cmark_node_free(root) }
    self.blocks = MarkdownTreeCopier().topLevelBlocks(
      of: root, source: MarkdownSourceLines(text))
  }

  /// Makes a document from blocks already copied, such as a slice of another document.
  public init(blocks: [MarkdownBlockNode]) {
    self.blocks = blocks
  }
}
