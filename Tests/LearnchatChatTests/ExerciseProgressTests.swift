import Foundation
import Testing

/// Progress across runs: what is done, hints seen and seeds survive a restart; a damaged file
/// is reported in one line and treated as empty; a file from before exercises still loads.
@Suite("Exercises: progress kept between runs")
struct ExerciseProgressTests {
  @Test("done, hints and the seed survive a restart; exercises and progress show them")
  func survivesRestart() throws {
    let learner = try ExerciseLearner()
    let task = try learner.exercise(8)
    let seed = try firstMatch(#"Material \(seed ([a-z0-9]+)\)"#, in: task)
    #expect(try learner.learnchat(["hint", "8"]).output.contains("Hint 1 of 3"))
    #expect(try learner.learnchat(["hint", "8"]).output.contains("Hint 2 of 3"))
    let answer = try learner.expectedAnswer(8, seed: seed)
    #expect(try learner.check(8, [answer + "?"]).status == 1)
    #expect(try learner.check(8, [answer]).status == 0)
    // New processes read the same file.
    let listing = try learner.learnchat(["exercises"]).output
    #expect(listing.contains("progress: done (seed \(seed), 2 checks, 2 of 3 hints)"), "\(listing)")
    let progress = try learner.learnchat(["progress"], environment: ["COLUMNS": "200"]).output
    #expect(progress.contains("Exercises: 1 of 11 done"), "\(progress)")
    #expect(progress.contains("One nonce too many — done (seed \(seed)"), "\(progress)")
    #expect(try learner.learnchat(["hint", "8"]).output.contains("Hint 3 of 3"))
    // Running the exercise again hands out the same material.
    let again = try learner.exercise(8)
    #expect(again.contains("Material (seed \(seed))"))
  }

  @Test("a corrupt file is one line on standard error, and treated as empty")
  func corruptFile() throws {
    let learner = try ExerciseLearner()
    try FileManager.default.createDirectory(
      atPath: learner.stateHome + "/learnchat", withIntermediateDirectories: true)
    try "{\"version\": 1, \"exercises\": {\"3\": {\"seed\": 7}}".write(
      toFile: learner.progressFile, atomically: true, encoding: .utf8)
    let listing = try learner.learnchat(["exercises"])
    #expect(listing.status == 0)
    let warnings = listing.errors.split(separator: "\n")
    #expect(warnings.count == 1, "\(listing.errors)")
    #expect(warnings.first?.contains("is unreadable") == true, "\(listing.errors)")
    #expect(!listing.output.contains("(seed "), "\(listing.output)")
    // Work goes on, and the next change replaces the damaged file with a good one.
    try learner.exercise(2)
    let after = try learner.learnchat(["progress"])
    #expect(after.errors.isEmpty, "\(after.errors)")
    #expect(after.output.contains("started (seed "), "\(after.output)")
  }

  @Test("a file written before exercises existed loads; its lessons' places are kept")
  func oldFile() throws {
    let learner = try ExerciseLearner()
    try FileManager.default.createDirectory(
      atPath: learner.stateHome + "/learnchat", withIntermediateDirectories: true)
    let old = """
      {"version": 1, "lessons": {"2": {"stage": "seal", "number": 9, "stageCount": 13,
      "furthest": 9, "finished": false}}}
      """
    try old.write(toFile: learner.progressFile, atomically: true, encoding: .utf8)
    try learner.exercise(1)
    // Wide enough that no line wraps.
    let progress = try learner.learnchat(["progress"], environment: ["COLUMNS": "200"])
    #expect(progress.errors.isEmpty, "\(progress.errors)")
    #expect(
      progress.output.contains("furthest stage 9/13; last at 9/13 (seal)"), "\(progress.output)")
    #expect(progress.output.contains("Exercises: 0 of 11 done"), "\(progress.output)")
  }

  @Test("progress --reset forgets seeds and results")
  func reset() throws {
    let learner = try ExerciseLearner()
    try learner.exercise(3)
    let reset = try learner.learnchat(["progress", "--reset"])
    #expect(reset.status == 0 && reset.output.hasPrefix("Progress reset"))
    #expect(try learner.check(3, ["1"]).status == 1)
    #expect(try learner.learnchat(["exercises"]).output.contains("progress: not started"))
  }
}
