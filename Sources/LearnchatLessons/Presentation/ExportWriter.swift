import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#endif

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
    let from: String?
    let to: String?
    let files: [String]
    let stages: [Stage]
  }

  /// Checks, before a lesson runs, that an export can go to `folder`: it is created (with its
  /// parents) when missing; an existing one must be empty or hold only an earlier learnchat
  /// export (its `transcript.json` and the files that lists), which `write` then replaces whole,
  /// so two runs are never mixed.
  public static func prepare(_ folder: String) throws(OutputFileError) {
    var isFolder = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
      guard isFolder else {
        throw OutputFileError(path: folder, reason: "it is not a folder")
      }
      let strangers = try foreignFiles(in: folder)
      guard strangers.isEmpty else {
        let shown = strangers.sorted().prefix(3).joined(separator: ", ")
        let more = strangers.count > 3 ? " and \(strangers.count - 3) more" : ""
        throw OutputFileError(
          path: folder,
          reason: "it holds files that are not an earlier learnchat export (\(shown)\(more)); "
            + "choose an empty or new folder")
      }
      guard access(folder, W_OK) == 0 else {
        throw OutputFileError(path: folder, reason: "the folder is not writable")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw OutputFileError(
        path: folder, reason: "cannot create the folder (\(ProgressStore.reason(error)))")
    }
  }

  /// The names in `folder` that an earlier export did not write.
  private static func foreignFiles(in folder: String) throws(OutputFileError) -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw OutputFileError(path: folder, reason: ProgressStore.reason(error))
    }
    guard !names.isEmpty else { return [] }
    let listed = previousFiles(in: folder)
    return names.filter { !listed.contains($0) }
  }

  /// The files an earlier export in `folder` wrote, transcript included; empty when there is
  /// none.
  private static func previousFiles(in folder: String) -> Set<String> {
    let path = folder + "/transcript.json"
    guard let data = FileManager.default.contents(atPath: path), data.count < 64 << 20,
      let transcript = try? JSONDecoder().decode(Transcript.self, from: data)
    else { return [] }
    // Only plain names: a crafted transcript must not make us delete outside the folder.
    let files = transcript.files.filter { !$0.contains("/") && $0 != "." && $0 != ".." }
    return Set(files + ["transcript.json"])
  }

  /// Writes everything into `folder` (checked by `prepare`), replacing an earlier export
  /// there; returns the files written.
  @discardableResult
  public static func write(_ run: LessonRun, to folder: String) throws(OutputFileError) -> [String]
  {
    try prepare(folder)
    for old in previousFiles(in: folder) { unlink(folder + "/" + old) }
    var written: [String] = []
    for artifact in run.artifacts {
      try OutputFile.write(artifact.bytes, to: folder + "/" + artifact.fileName)
      written.append(artifact.fileName)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let json: Data
    do {
      json = try encoder.encode(transcript(run, files: written))
    } catch {
      throw OutputFileError(path: folder + "/transcript.json", reason: "\(error)")
    }
    try OutputFile.write(Array(json) + Array("\n".utf8), to: folder + "/transcript.json")
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
