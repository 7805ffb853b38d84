internal import Ccmark

/// Copies a cmark node tree into `MarkdownBlock` and `MarkdownInline` values.
///
/// It only reads the tree; the caller owns it and frees it. Nesting deeper than
/// `maximumDepth` (a hostile `>>>>…` or `*[*[*[…`) is flattened into plain text by cmark's own
/// non-recursive iterator, so neither this copier nor the renderers can exhaust the stack.
struct MarkdownTreeCopier {
  /// How deep blocks and inlines may nest before the rest is flattened to text. Real lessons
  /// stay far below it; at 80 columns anything near it cannot be laid out anyway.
  static let maximumDepth = 48

  /// Copies the children of a document node, each with its source line range, corrected
  /// against `source`, the text the document was parsed from.
  func topLevelBlocks(of document: OpaquePointer, source: MarkdownSourceLines)
    -> [MarkdownBlockNode]
  {
    children(of: document).flatMap { node in
      let startLine = Int(cmark_node_get_start_line(node))
      let endLine = Int(cmark_node_get_end_line(node))
      return blocks(node, depth: 1).map { block in
        let range = source.range(of: block, start: startLine, end: endLine)
        return MarkdownBlockNode(block: block, startLine: range.start, endLine: range.end)
      }
    }
  }

  /// Copies one block node. Usually one block; a custom block (which cmark's parser never
  /// makes) gives its children; an unknown node gives nothing.
  private func blocks(_ node: OpaquePointer, depth: Int) -> [MarkdownBlock] {
    let type = cmark_node_get_type(node)
    if depth > Self.maximumDepth && type != CMARK_NODE_THEMATIC_BREAK {
      return [.paragraph([.text(MarkdownFlatText.of(node))])]
    }
    switch type {
    case CMARK_NODE_HEADING:
      return [.heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node, depth))]
    case CMARK_NODE_PARAGRAPH:
      return [.paragraph(inlines(of: node, depth))]
    case CMARK_NODE_CODE_BLOCK:
      return [
        .codeBlock(
          info: copy(cmark_node_get_fence_info(node)), literal: copy(cmark_node_get_literal(node)))
      ]
    case CMARK_NODE_HTML_BLOCK:
      return [.htmlBlock(copy(cmark_node_get_literal(node)))]
    case CMARK_NODE_BLOCK_QUOTE:
      return [.blockQuote(childBlocks(of: node, depth))]
    case CMARK_NODE_LIST:
      return [.list(list(node, depth: depth))]
    case CMARK_NODE_THEMATIC_BREAK:
      return [.thematicBreak]
    case CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK:
      return childBlocks(of: node, depth)
    default:
      return []
    }
  }

  private func list(_ node: OpaquePointer, depth: Int) -> MarkdownList {
    let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
    return MarkdownList(
      ordered: ordered,
      start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
      tight: cmark_node_get_list_tight(node) != 0,
      // Each child of a list is an item; an item counts as one more level of nesting.
      items: children(of: node).map { childBlocks(of: $0, depth + 1) }
    )
  }

  private func childBlocks(of node: OpaquePointer, _ depth: Int) -> [MarkdownBlock] {
    children(of: node).flatMap { blocks($0, depth: depth + 1) }
  }

  private func inlines(of node: OpaquePointer, _ depth: Int) -> [MarkdownInline] {
    children(of: node).compactMap { inline($0, depth: depth + 1) }
  }

  private func inline(_ node: OpaquePointer, depth: Int) -> MarkdownInline? {
    if depth > Self.maximumDepth {
      return .text(MarkdownFlatText.of(node))
    }
    switch cmark_node_get_type(node) {
    case CMARK_NODE_TEXT:
      return .text(copy(cmark_node_get_literal(node)))
    case CMARK_NODE_SOFTBREAK:
      return .softBreak
    case CMARK_NODE_LINEBREAK:
      return .lineBreak
    case CMARK_NODE_CODE:
      return .code(copy(cmark_node_get_literal(node)))
    case CMARK_NODE_HTML_INLINE:
      return .html(copy(cmark_node_get_literal(node)))
    case CMARK_NODE_EMPH:
      return .emphasis(inlines(of: node, depth))
    case CMARK_NODE_STRONG:
      return .strong(inlines(of: node, depth))
    case CMARK_NODE_LINK:
      return .link(
        destination: copy(cmark_node_get_url(node)), title: copy(cmark_node_get_title(node)),
        inlines(of: node, depth))
    case CMARK_NODE_IMAGE:
      return .image(
        source: copy(cmark_node_get_url(node)), title: copy(cmark_node_get_title(node)),
        alt: inlines(of: node, depth))
    case CMARK_NODE_CUSTOM_INLINE:
      return .text(MarkdownFlatText.of(node))
    default:
      return nil
    }
  }

  private func children(of node: OpaquePointer) -> [OpaquePointer] {
    var result: [OpaquePointer] = []
    var next = cmark_node_first_child(node)
    while let child = next {
      result.append(child)
      next = cmark_node_next(child)
    }
    return result
  }

  /// Copies a C string cmark owns; NULL (a node without that value) becomes "".
  private func copy(_ string: UnsafePointer<CChar>?) -> String {
    string.map { String(cString: $0) } ?? ""
  }
}
