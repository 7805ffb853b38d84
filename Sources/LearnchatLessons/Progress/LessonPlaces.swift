/// Where the learner is in one lesson: recorded as stages are shown, read back for `--resume`,
/// and told in the line printed on quitting.
public final class LessonPlaces: @unchecked Sendable {
  // @unchecked Sendable: used from the thread running the lesson only; the store locks itself.
  private let lesson: Lesson
  private let store: ProgressStore?
  /// The command that resumes this lesson, for the line printed on quitting.
  public let resumeCommand: String

  /// Places of `lesson`, kept in `store` (nil: nothing is recorded), telling `resumeCommand`
  /// on quitting.
  public init(lesson: Lesson, store: ProgressStore?, resumeCommand: String) {
    self.lesson = lesson
    self.store = store
    self.resumeCommand = resumeCommand
  }

  /// Records that stage `index` (into the lesson's stages) is being shown.
  public func viewed(stage index: Int) {
    guard lesson.stages.indices.contains(index) else { return }
    let stage = lesson.stages[index]
    let count = lesson.stages.count
    store?.update { record in
      let key = String(lesson.number)
      let previous = record.lessons[key]
      record.lessons[key] = ProgressRecord.LessonPlace(
        stage: stage.id, number: index + 1, stageCount: count,
        furthest: max(previous?.furthest ?? 0, index + 1),
        finished: previous?.finished ?? false)
    }
  }

  /// Records that the lesson was followed to its summary.
  public func finished() {
    let count = lesson.stages.count
    guard let last = lesson.stages.last else { return }
    store?.update { record in
      record.lessons[String(lesson.number)] = ProgressRecord.LessonPlace(
        stage: last.id, number: count, stageCount: count, furthest: count, finished: true)
    }
  }

  /// The line shown when the user quits at stage `index`.
  public func stopLine(stoppedAt index: Int) -> String {
    let count = lesson.stages.count
    let name = lesson.stages.indices.contains(index) ? " (\(lesson.stages[index].id))" : ""
    return "Stopped at stage \(index + 1)/\(count)\(name). Resume with: \(resumeCommand)"
  }

  /// Where `--resume` starts: the index of the stage last shown, or nil (from the start) with
  /// a line saying why.
  public func resumeIndex() -> (index: Int?, note: String) {
    guard let store else {
      return (
        nil, "No state folder (neither XDG_STATE_HOME nor HOME is set): starting from the start."
      )
    }
    guard let place = store.load().place(ofLesson: lesson.number) else {
      return (nil, "No record of lesson \(lesson.number) yet: starting from the start.")
    }
    guard let index = lesson.stages.firstIndex(where: { $0.id == place.stage }) else {
      return (
        nil,
        "Lesson \(lesson.number) has no stage \(LessonError.excerpt(place.stage)) any more: "
          + "starting from the start."
      )
    }
    if place.finished && index == lesson.stages.count - 1 {
      return (nil, "You finished lesson \(lesson.number) last time: starting from the start.")
    }
    return (
      index,
      "Resuming lesson \(lesson.number) at stage \(index + 1)/\(lesson.stages.count) (\(place.stage))."
    )
  }
}
