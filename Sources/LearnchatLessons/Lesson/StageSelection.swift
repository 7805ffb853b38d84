/// A stage chosen on the command line (`--from 6`, `--to oaep-wrap`) or at the stepper's `g`
/// prompt: a 1-based number or a stage's name.
public enum StageSelection {
  /// The index into `lesson.stages` of the stage `text` names, or an error that lists them.
  public static func index(of text: String, in lesson: Lesson) throws(StageSelectionError) -> Int {
    let wanted = text.trimmingSpaces()
    let stages = lesson.stages
    if let number = Int(wanted) {
      guard (1...stages.count).contains(number) else {
        throw StageSelectionError(lesson: lesson, asked: wanted)
      }
      return number - 1
    }
    let name = wanted.lowercased()
    if let index = stages.firstIndex(where: { $0.id == name }) { return index }
    throw StageSelectionError(lesson: lesson, asked: wanted)
  }

  /// The range `from` ... `to` (either may be nil: the first or last stage), refused when it
  /// is empty.
  public static func range(from: String?, to: String?, in lesson: Lesson)
    throws(StageSelectionError) -> ClosedRange<Int>
  {
    let lower =
      try from.map { text throws(StageSelectionError) in try index(of: text, in: lesson) } ?? 0
    let upper =
      try to.map { text throws(StageSelectionError) in try index(of: text, in: lesson) }
      ?? lesson.stages.count - 1
    guard lower <= upper else {
      throw StageSelectionError(
        lesson: lesson, asked: nil,
        problem:
          "--from \(lower + 1) (\(lesson.stages[lower].id)) comes after --to \(upper + 1) "
          + "(\(lesson.stages[upper].id))")
    }
    return lower...upper
  }
}

/// A stage that does not exist, or a range that is empty: one line naming the problem and the
/// lesson's stages.
public struct StageSelectionError: Error, CustomStringConvertible {
  /// The lesson asked about.
  public let lesson: Lesson
  /// What the user typed, when the problem is an unknown stage.
  public let asked: String?
  /// The problem, when it is not an unknown stage.
  public let problem: String?

  init(lesson: Lesson, asked: String?, problem: String? = nil) {
    self.lesson = lesson
    self.asked = asked
    self.problem = problem
  }

  /// The stages as `1 connect, 2 keygen, ...`.
  public var stageList: String {
    lesson.stages.enumerated().map { "\($0.offset + 1) \($0.element.id)" }.joined(separator: ", ")
  }

  public var description: String {
    let head =
      problem
      ?? "lesson \(lesson.number) has no stage \"\(LessonError.excerpt(asked ?? ""))\""
    return "\(head); its stages are \(stageList)"
  }
}
