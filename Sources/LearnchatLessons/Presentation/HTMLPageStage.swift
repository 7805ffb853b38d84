/// A stage as the HTML page shows it: its report, and its number in the lesson.
///
/// The number is the stage's place in `Lesson.stages`, not in `LessonRun.reports`: a run that
/// shows only some of the stages still calls the sixth stage of thirteen 6/13.
struct HTMLPageStage {
  /// What the stage did.
  let report: StageReport
  /// Its place in the lesson's stages, from 1; nil if the lesson has no such stage.
  let number: Int?
  /// How many stages the lesson has.
  let total: Int

  /// The stages of `run` that have a report, in the order they ran.
  static func all(in run: LessonRun) -> [HTMLPageStage] {
    let stages = run.lesson.stages
    return run.reports.map { report in
      let position = stages.firstIndex { $0.id == report.stage.id }
      return HTMLPageStage(report: report, number: position.map { $0 + 1 }, total: stages.count)
    }
  }

  var stage: StageDefinition { report.stage }

  /// The escaped stage id, for `id` attributes and `#` links.
  var anchor: String { HTMLEscaping.text(stage.id) }

  /// `6/13`, the label of the heading and the stage list.
  var label: String { "\(number.map(String.init) ?? "?")/\(total)" }

  /// Number, actor and title as spans, shared by the heading and the stage list.
  var headingHTML: String {
    "<span class=\"number\">\(label)</span> "
      + "<span class=\"actor\">\(HTMLEscaping.text(stage.actor.rawValue))</span> "
      + "<span class=\"title\">\(HTMLEscaping.text(stage.title))</span>"
  }
}
