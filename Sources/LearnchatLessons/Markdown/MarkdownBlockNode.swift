/// A top-level block of a document together with the source lines it came from.
///
/// Only top-level blocks carry positions: that is what a lesson loader needs to cut a lesson
/// file into stages at its `<!-- stage: name -->` markers.
public struct MarkdownBlockNode: Sendable, Equatable {
  /// The block itself.
  public let block: MarkdownBlock
  /// The first source line of the block, counting from 1.
  public let startLine: Int
  /// The last source line of the block, counting from 1: never before `startLine`, never a
  /// blank line. A fenced code block ends on its closing fence. (cmark's own end lines are
  /// corrected: see `MarkdownSourceLines`.)
  public let endLine: Int

  /// Makes a positioned block.
  public init(block: MarkdownBlock, startLine: Int, endLine: Int) {
    self.block = block
    self.startLine = startLine
    self.endLine = endLine
  }
}
