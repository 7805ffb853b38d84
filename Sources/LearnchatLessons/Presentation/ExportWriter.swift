import Foundation
import LearnchatWire

/// Writes a run's artifacts for `--export DIR`: keys, session key, each frame as a `.bin`, and
/// `transcript.json` with every stage, its console lines and every read and write in hex, in
/// the order they happened, each naming the socket's holder and the other end.
public enum ExportWriter {
  /// The transcript's shape, for `transcript.json`.
  struct Transcript: Codable {
    struct Stage: Codable {
      let id: String
      let title: String
      let actor: String
      let values: [String: String]
      let outcome: String?
      let console: [Line]
      let records: [Record]
    }
    struct Line: Codable {
      let actor: String
      let text: String
    }
    /// One system call on one socket: `actor`'s socket facing `peer`.
    struct Record: Codable {
      let actor: String
      let peer: String
      let direction: String
      let hex: String
    }
    let lesson: Int
    let title: String
    let demo: String
    let seed: String?
    let complete: Bool
    /// The first and last stage shown (`--from`, `--to`).
    let from: String
    let to: String
    let files: [String]
    let stages: [Stage]
  }

  /// Writes everything into `folder`, creating it if needed; returns the files written.
  @discardableResult
  public static func write(_ run: LessonRun, to folder: String) throws -> [String] {
    let directory = URL(fileURLWithPath: folder)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var written: [String] = []
    for artifact in run.artifacts {
      try Data(artifact.bytes).write(to: directory.appendingPathComponent(artifact.fileName))
      written.append(artifact.fileName)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let json = try encoder.encode(transcript(run, files: written))
    try (json + Data("\n".utf8)).write(to: directory.appendingPathComponent("transcript.json"))
    return written + ["transcript.json"]
  }

  static func transcript(_ run: LessonRun, files: [String]) -> Transcript {
    Transcript(
      lesson: run.lesson.number, title: run.lesson.text.title, demo: run.lesson.text.demo,
      seed: run.seed, complete: !run.stoppedEarly,
      from: run.lesson.stages[run.range.lowerBound].id,
      to: run.lesson.stages[run.range.upperBound].id, files: files,
      stages: run.reports.map { report in
        Transcript.Stage(
          id: report.stage.id, title: report.stage.title, actor: report.stage.actor.rawValue,
          values: report.values, outcome: report.outcome?.verdict.rawValue,
          console: report.console.map { .init(actor: $0.actor.rawValue, text: $0.text) },
          records: report.records.map {
            .init(
              actor: $0.actor.rawValue, peer: $0.peer.rawValue,
              direction: $0.direction == .sent ? "sent" : "received",
              hex: Hex.string($0.bytes))
          })
      })
  }
}
