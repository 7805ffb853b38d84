#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Splits a lesson file into introduction, stage sections and summary at its markers.
///
/// cmark finds the markers: only top-level HTML blocks count, so a marker quoted inside a code
/// block is left alone. The file is then cut at those blocks' source lines.
public enum LessonParser {
  /// A marker found in a lesson file.
  enum Marker: Equatable {
    case demo(String)
    case stage(String)
    case summary
  }

  /// Parses `source`, the text of the file `fileName` (used in error messages).
  public static func parse(_ source: String, fileName: String) throws(LessonError) -> LessonText {
    // Lines as cmark numbers them, so that its line numbers index this array: it also ends a
    // line at "\r\n" (one Character to Swift) and at a lone "\r", as Windows and old Mac
    // editors save them.
    let lines = source.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r" || $0 == "\r\n"
    }.map(String.init)
    let document = MarkdownDocument(parsing: source)

    var demo: String?
    var title: String?
    var cuts: [(marker: Marker, startLine: Int, endLine: Int)] = []
    for node in document.blocks {
      switch node.block {
      case .htmlBlock(let html):
        guard let marker = try marker(in: html, fileName: fileName, line: node.startLine) else {
          continue
        }
        if case .demo(let name) = marker {
          guard demo == nil else {
            throw .malformed(file: fileName, reason: "line \(node.startLine): a second demo marker")
          }
          demo = name
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
        file: fileName, reason: "it has no title (a level-1 heading such as `# Lesson 1: ...`)")
    }
    guard let demo else {
      throw .malformed(
        file: fileName,
        reason: "it names no demo (add `<!-- demo: plaintext -->` or `<!-- demo: handshake -->`)")
    }
    return try assemble(lines: lines, cuts: cuts, title: title, demo: demo, fileName: fileName)
  }

  private static func assemble(
    lines: [String], cuts: [(marker: Marker, startLine: Int, endLine: Int)], title: String,
    demo: String, fileName: String
  ) throws(LessonError) -> LessonText {
    // Text between markers, by 1-based line numbers, markers themselves left out.
    func text(from startLine: Int, upTo endLine: Int) -> String {
      guard startLine < endLine else { return "" }
      let slice = lines[(startLine - 1)..<min(endLine - 1, lines.count)]
      return slice.joined(separator: "\n").trimming(where: \.isNewline) + "\n"
    }

    let partCuts = cuts.filter { if case .demo = $0.marker { false } else { true } }
    var introductionLines: [(Int, Int)] = []
    var previousEnd = 1
    // The introduction is everything before the first stage or summary, minus the demo marker.
    for cut in cuts {
      if case .demo = cut.marker {
        introductionLines.append((previousEnd, cut.startLine))
        previousEnd = cut.endLine + 1
        continue
      }
      break
    }
    let firstPart = partCuts.first?.startLine ?? lines.count + 1
    introductionLines.append((previousEnd, firstPart))
    let introduction = introductionLines.map { text(from: $0.0, upTo: $0.1) }
      .filter { !$0.isEmpty }.joined(separator: "\n")

    var sections: [LessonText.Section] = []
    var summary = ""
    var seenSummary = false
    for (index, cut) in partCuts.enumerated() {
      let next = index + 1 < partCuts.count ? partCuts[index + 1].startLine : lines.count + 1
      let body = text(from: cut.endLine + 1, upTo: next)
      switch cut.marker {
      case .stage(let name):
        guard !seenSummary else {
          throw .malformed(
            file: fileName, reason: "line \(cut.startLine): stage `\(name)` comes after the summary"
          )
        }
        guard !sections.contains(where: { $0.stage == name }) else {
          throw .malformed(
            file: fileName, reason: "line \(cut.startLine): stage `\(name)` appears twice")
        }
        sections.append(.init(stage: name, markdown: body))
      case .summary:
        guard !seenSummary else {
          throw .malformed(file: fileName, reason: "line \(cut.startLine): a second summary marker")
        }
        seenSummary = true
        summary = body
      case .demo:
        throw .malformed(
          file: fileName,
          reason: "line \(cut.startLine): the demo marker must come before the first stage")
      }
    }
    return LessonText(
      title: title, demo: demo, introduction: introduction, sections: sections, summary: summary)
  }

  /// The marker an HTML block holds, nil for an ordinary comment or other HTML.
  static func marker(in html: String, fileName: String, line: Int) throws(LessonError) -> Marker? {
    let trimmed = html.trimming(where: \.isWhitespace)
    guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
    let inside = trimmed.dropFirst(4).dropLast(3).trimmingWhiteSpace()
    if inside == "summary" { return .summary }
    for (keyword, make) in [("stage:", Marker.stage), ("demo:", Marker.demo)] {
      guard inside.hasPrefix(keyword) else { continue }
      let name = inside.dropFirst(keyword.count).trimmingWhiteSpace()
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
        throw .malformed(
          file: fileName,
          reason:
            "line \(line): `\(LessonError.excerpt(trimmed))` needs a name of letters, digits and dashes"
        )
      }
      return make(name)
    }
    return nil
  }
}
