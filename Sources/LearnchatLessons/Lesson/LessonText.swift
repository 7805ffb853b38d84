/// A lesson file split into its parts: the introduction, one section per stage, the summary.
///
/// The file is CommonMark. Markers are HTML comments on their own lines, which cmark keeps as
/// HTML blocks and renderers drop:
/// - `<!-- demo: handshake -->` names the demo the lesson runs (`plaintext` or `handshake`);
/// - `<!-- stage: oaep-wrap -->` starts the text of a stage;
/// - `<!-- summary -->` starts the summary, after the last stage.
/// Text before the first stage is the introduction. The lesson's title is its first level-1
/// heading.
public struct LessonText: Sendable, Equatable {
  /// One stage's Markdown, as written in the file (placeholders not yet filled).
  public struct Section: Sendable, Equatable {
    /// The stage's name in the marker, such as `oaep-wrap`.
    public let stage: String
    /// The Markdown between this marker and the next.
    public let markdown: String
    /// `markdown`, parsed once when the lesson is loaded; placeholders are filled in copies.
    public let document: MarkdownDocument

    /// The section for `stage` holding `markdown`.
    public init(stage: String, markdown: String) {
      self.stage = stage
      self.markdown = markdown
      self.document = MarkdownDocument(parsing: markdown)
    }
  }

  /// The lesson's title: its first level-1 heading.
  public let title: String
  /// The demo the lesson runs, from its `demo` marker.
  public let demo: String
  /// The Markdown before the first stage, title included.
  public let introduction: String
  /// The stages' texts, in file order.
  public let sections: [Section]
  /// The Markdown after the `summary` marker; empty when there is none.
  public let summary: String
  /// `introduction`, parsed.
  public let introductionDocument: MarkdownDocument
  /// `summary`, parsed.
  public let summaryDocument: MarkdownDocument

  /// A lesson's text from its parts, each parsed once here.
  public init(
    title: String, demo: String, introduction: String, sections: [Section], summary: String
  ) {
    self.title = title
    self.demo = demo
    self.introduction = introduction
    self.sections = sections
    self.summary = summary
    self.introductionDocument = MarkdownDocument(parsing: introduction)
    self.summaryDocument = MarkdownDocument(parsing: summary)
  }

  /// The text for `stage`, if the file has it.
  public func section(for stage: String) -> Section? {
    sections.first { $0.stage == stage }
  }
}
