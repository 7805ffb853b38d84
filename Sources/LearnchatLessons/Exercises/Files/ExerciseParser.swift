#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Splits an exercise file into introduction, task and hints at its markers, and reads the
/// checker and lesson markers.
///
/// As for lessons, cmark finds the markers: only top-level HTML blocks count, so a marker
/// quoted in a code block is left alone. The file is then cut at those blocks' source lines.
public enum ExerciseParser {
  /// A marker found in an exercise file.
  enum Marker: Equatable {
    case checker(String)
    case lesson(Int, stage: String)
    case task
    case hint
  }

  /// Parses `source`, the text of the file `fileName` (used in error messages).
  public static func parse(_ source: String, fileName: String) throws(ExerciseError)
    -> ExerciseText
  {
    let lines = source.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r" || $0 == "\r\n"
    }.map(String.init)
    var title: String?
    var checker: String?
    var lesson: (number: Int, stage: String)?
    var cuts: [(marker: Marker, startLine: Int, endLine: Int)] = []
    for node in MarkdownDocument(parsing: source).blocks {
      switch node.block {
      case .htmlBlock(let html):
        guard let marker = try marker(in: html, fileName: fileName, line: node.startLine) else {
          continue
        }
        switch marker {
        case .checker(let name):
          guard checker == nil else { throw twice("checker", fileName, node.startLine) }
          checker = name
        case .lesson(let number, let stage):
          guard lesson == nil else { throw twice("lesson", fileName, node.startLine) }
          lesson = (number, stage)
        case .task:
          guard !cuts.contains(where: { $0.marker == .task }) else {
            throw twice("task", fileName, node.startLine)
          }
        case .hint:
          guard cuts.contains(where: { $0.marker == .task }) else {
            throw .malformed(
              file: fileName, reason: "line \(node.startLine): a hint comes before the task")
          }
        }
        cuts.append((marker, node.startLine, node.endLine))
      case .heading(level: 1, let inlines) where title == nil:
        title = InlineText.plain(inlines)
      default:
        continue
      }
    }
    guard let title, !title.isEmpty else {
      throw .malformed(
        file: fileName, reason: "it has no title (a level-1 heading such as `# Exercise 1: ...`)")
    }
    guard let checker else {
      throw .malformed(file: fileName, reason: "it names no checker (`<!-- checker: NAME -->`)")
    }
    guard let lesson else {
      throw .malformed(
        file: fileName, reason: "it names no lesson stage (`<!-- lesson: 2 message-frame -->`)")
    }
    let parts = split(lines: lines, cuts: cuts)
    guard let task = parts.task, !task.isEmpty else {
      throw .malformed(file: fileName, reason: "it has no task (`<!-- task -->` and its text)")
    }
    guard !parts.hints.isEmpty, !parts.hints.contains(where: \.isEmpty) else {
      throw .malformed(
        file: fileName, reason: "it needs at least one hint, and no empty one (`<!-- hint -->`)")
    }
    return ExerciseText(
      title: title, checker: checker, lesson: lesson.number, stage: lesson.stage,
      introduction: parts.introduction, task: task, hints: parts.hints)
  }

  private static func twice(_ what: String, _ fileName: String, _ line: Int) -> ExerciseError {
    .malformed(file: fileName, reason: "line \(line): a second \(what) marker")
  }

  /// The text between markers: the introduction (every marker left out), the task and hints.
  private static func split(
    lines: [String], cuts: [(marker: Marker, startLine: Int, endLine: Int)]
  ) -> (introduction: String, task: String?, hints: [String]) {
    func text(from startLine: Int, upTo endLine: Int) -> String {
      guard startLine < endLine, startLine - 1 < lines.count else { return "" }
      let slice = lines[(startLine - 1)..<min(endLine - 1, lines.count)]
      let joined = slice.joined(separator: "\n").trimming(where: \.isWhitespace)
      return joined.isEmpty ? "" : joined + "\n"
    }
    var introduction: [String] = []
    var task: String?
    var hints: [String] = []
    var previousEnd = 1
    var sectionStarted = false
    for (index, cut) in cuts.enumerated() {
      switch cut.marker {
      case .checker, .lesson:
        if !sectionStarted { introduction.append(text(from: previousEnd, upTo: cut.startLine)) }
        previousEnd = cut.endLine + 1
      case .task, .hint:
        if !sectionStarted { introduction.append(text(from: previousEnd, upTo: cut.startLine)) }
        sectionStarted = true
        // A section runs to the next task or hint marker; checker and lesson markers inside
        // it are left out by cutting around them.
        let rest = cuts[(index + 1)...]
        let end =
          rest.first { $0.marker == .task || $0.marker == .hint }?.startLine
          ?? lines.count + 1
        var pieces: [String] = []
        var from = cut.endLine + 1
        for inner in rest where inner.startLine < end {
          pieces.append(text(from: from, upTo: inner.startLine))
          from = inner.endLine + 1
        }
        pieces.append(text(from: from, upTo: end))
        let body = pieces.filter { !$0.isEmpty }.joined(separator: "\n")
        if cut.marker == .task { task = body } else { hints.append(body) }
      }
    }
    if !sectionStarted { introduction.append(text(from: previousEnd, upTo: lines.count + 1)) }
    return (introduction.filter { !$0.isEmpty }.joined(separator: "\n"), task, hints)
  }

  /// The marker an HTML block holds, nil for an ordinary comment or other HTML.
  static func marker(in html: String, fileName: String, line: Int) throws(ExerciseError)
    -> Marker?
  {
    let trimmed = html.trimming(where: \.isWhitespace)
    guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
    let inside = trimmed.dropFirst(4).dropLast(3).trimmingWhiteSpace()
    if inside == "task" { return .task }
    if inside == "hint" { return .hint }
    func malformed(_ expected: String) -> ExerciseError {
      .malformed(
        file: fileName,
        reason: "line \(line): `\(LessonError.excerpt(trimmed))` should read `\(expected)`")
    }
    if inside.hasPrefix("checker:") {
      let name = inside.dropFirst("checker:".count).trimmingWhiteSpace()
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
        throw malformed("<!-- checker: NAME -->, NAME of letters, digits and dashes")
      }
      return .checker(name)
    }
    if inside.hasPrefix("lesson:") {
      let words = inside.dropFirst("lesson:".count).split(separator: " ")
      guard words.count == 2, let number = Int(words[0]), number > 0,
        words[1].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
      else {
        throw malformed("<!-- lesson: NUMBER STAGE -->")
      }
      return .lesson(number, stage: String(words[1]))
    }
    return nil
  }
}
