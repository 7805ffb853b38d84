internal import Ccmark

/// The plain text of a cmark subtree, gathered without recursion.
///
/// Used where nesting is too deep to copy as structure: cmark's iterator keeps its own state on
/// the heap, so the depth of the subtree does not matter.
enum MarkdownFlatText {
  /// The literal text of `node` and everything under it; line breaks become spaces.
  static func of(_ node: OpaquePointer) -> String {
    guard let iterator = cmark_iter_new(node) else { return "" }
    defer { cmark_iter_free(iterator) }
    var text = ""
    var event = cmark_iter_next(iterator)
    while event != CMARK_EVENT_DONE {
      if event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) {
        switch cmark_node_get_type(current) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
          text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
          text += " "
        default:
          break
        }
      }
      event = cmark_iter_next(iterator)
    }
    return text
  }
}
