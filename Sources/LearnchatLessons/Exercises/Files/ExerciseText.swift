/// An exercise file split into its parts.
///
/// The file is CommonMark, like a lesson. Markers are HTML comments on their own lines:
/// - `<!-- checker: NAME -->` names the Swift checker that makes the material and judges answers;
/// - `<!-- lesson: N STAGE -->` names the lesson and stage the exercise follows, which `check`
///   points at after a wrong answer;
/// - `<!-- task -->` starts the task (what to do, with which tools and files);
/// - each `<!-- hint -->` starts a hint, shown one at a time by `learnchat hint N`.
/// Text before the task is the introduction, title included (the first level-1 heading).
public struct ExerciseText: Sendable, Equatable {
  /// The exercise's title: its first level-1 heading.
  public let title: String
  /// The checker's name, from the `checker` marker.
  public let checker: String
  /// The lesson the exercise follows.
  public let lesson: Int
  /// The stage of that lesson to re-read.
  public let stage: String
  /// The Markdown before the task, title included.
  public let introduction: String
  /// The task's Markdown (placeholders not yet filled).
  public let task: String
  /// The hints' Markdown, in order.
  public let hints: [String]
  /// `introduction`, parsed once when the file is loaded; placeholders are filled in copies.
  public let introductionDocument: MarkdownDocument
  /// `task`, parsed.
  public let taskDocument: MarkdownDocument
  /// `hints`, each parsed.
  public let hintDocuments: [MarkdownDocument]

  /// An exercise's text from its parts, each parsed once here.
  public init(
    title: String, checker: String, lesson: Int, stage: String, introduction: String,
    task: String, hints: [String]
  ) {
    self.title = title
    self.checker = checker
    self.lesson = lesson
    self.stage = stage
    self.introduction = introduction
    self.task = task
    self.hints = hints
    self.introductionDocument = MarkdownDocument(parsing: introduction)
    self.taskDocument = MarkdownDocument(parsing: task)
    self.hintDocuments = hints.map { MarkdownDocument(parsing: $0) }
  }

  /// Every part's document: introduction, task, hints.
  var documents: [MarkdownDocument] { [introductionDocument, taskDocument] + hintDocuments }
}
