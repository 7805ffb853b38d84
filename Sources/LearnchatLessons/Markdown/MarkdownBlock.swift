/// A block of a Markdown document, copied out of cmark's tree.
public indirect enum MarkdownBlock: Sendable, Equatable {
  /// An ATX (`#`) or setext (underlined) heading; `level` is 1 through 6.
  case heading(level: Int, [MarkdownInline])
  /// A paragraph of inline content.
  case paragraph([MarkdownInline])
  /// A fenced or indented code block. `info` is the fence's info string (empty for indented
  /// blocks); `literal` is the code, each line ending in a newline.
  case codeBlock(info: String, literal: String)
  /// A raw HTML block exactly as written, including HTML comments such as the lesson stage
  /// markers `<!-- stage: name -->`.
  case htmlBlock(String)
  /// A block quote and the blocks inside it.
  case blockQuote([MarkdownBlock])
  /// A bullet or ordered list.
  case list(MarkdownList)
  /// A thematic break (`---`, `***`, `___`).
  case thematicBreak
}

/// A bullet or ordered list: its numbering, its spacing, and its items.
public struct MarkdownList: Sendable, Equatable {
  /// Whether the list is numbered (`1.` / `1)`) rather than bulleted.
  public let ordered: Bool
  /// The number of the first item of an ordered list; 1 for bullet lists.
  public let start: Int
  /// Whether the list is tight (no blank lines between items), which renderers show without
  /// blank lines between items or between the blocks of one item.
  public let tight: Bool
  /// The items, each a sequence of blocks (an item may hold paragraphs, code and nested lists).
  public let items: [[MarkdownBlock]]

  /// Makes a list from its parts.
  public init(ordered: Bool, start: Int, tight: Bool, items: [[MarkdownBlock]]) {
    self.ordered = ordered
    self.start = start
    self.tight = tight
    self.items = items
  }
}
