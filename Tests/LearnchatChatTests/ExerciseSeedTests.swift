import Foundation
import Testing

/// Seeds: each learner's material is their own, the same seed always gives the same material,
/// and an instructor can hand out seeds and grade against them.
@Suite("Exercises: seeds for learners and instructors")
struct ExerciseSeedTests {
  /// Every file of `dir`, by name.
  static func contents(_ dir: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
    }
    return files
  }

  @Test(
    "two seeds give different material and different answers; one seed, the same files",
    arguments: 1...11)
  func seedsDiffer(exercise: Int) throws {
    let learner = try ExerciseLearner()
    let (a, b, again) = (learner.files.path("a"), learner.files.path("b"), learner.files.path("c"))
    let taskA = try learner.exercise(exercise, seed: "anna", dir: a)
    let taskB = try learner.exercise(exercise, seed: "boris", dir: b)
    try learner.exercise(exercise, seed: "anna", dir: again)
    #expect(try Self.contents(a) == Self.contents(again), "the same seed, the same bytes")
    // Live exercises hand out the same relay.py to everyone; their task differs.
    let materialA = try Self.contents(a)
    #expect(
      materialA != (try Self.contents(b)) || taskA.replacingOccurrences(of: a, with: b) != taskB)
    var answers: Set<String> = []
    for seed in ["anna", "boris", "chen", "dalia", "emil", "fatou"] {
      answers.insert(try learner.expectedAnswer(exercise, seed: seed))
    }
    // Exercise 11's answer is one of eight attacks and exercise 3's a text length of a few
    // dozen bytes, so some seeds share one; every other answer is drawn from far more.
    let least = [3: 3, 11: 2][exercise] ?? 5
    #expect(answers.count >= least, "\(answers)")
  }

  @Test(
    "an instructor's seed: the student's material matches, another seed's answer does not, grading records nothing"
  )
  func instructorGrades() throws {
    let instructor = try ExerciseLearner()
    let student = try ExerciseLearner()
    let expected = try instructor.expectedAnswer(8, seed: "student-17")
    let dir = student.files.path("eight")
    try student.exercise(8, seed: "student-17", dir: dir)
    // The student's check needs no --seed: the one handed out is remembered.
    let check = try student.check(8, [expected])
    #expect(check.status == 0, "\(check.output)")
    // Another student's answer is wrong for this seed.
    let other = try instructor.expectedAnswer(8, seed: "student-18")
    #expect(try student.check(8, [other]).status == 1)
    // The instructor grades with the seed, and their own progress is left alone.
    let graded = try instructor.check(8, [expected, "--seed", "student-17"])
    #expect(graded.status == 0 && graded.output.contains("nothing recorded"), "\(graded.output)")
    #expect(!FileManager.default.fileExists(atPath: instructor.progressFile))
    // --answer writes nothing and remembers nothing.
    #expect(try ExerciseSeedTests.contents(instructor.folder).keys.sorted() == [])
  }

  @Test("a check before any material says to run the exercise first")
  func noMaterialYet() throws {
    let learner = try ExerciseLearner()
    let check = try learner.check(3, ["12"])
    #expect(check.status == 1)
    #expect(check.errors.contains("run `learnchat exercise 3` first"), "\(check.errors)")
  }

  @Test("an answer file that is missing, a folder or endless is one line, and exit status 1")
  func unreadableAnswerFile() throws {
    let learner = try ExerciseLearner()
    try learner.exercise(1)
    let cases = [
      ("/nonexistent/answer.txt", "No such file or directory"),
      (learner.folder, "Is a directory"), ("/dev/zero", "it is over 1048576 bytes"),
    ]
    for (path, reason) in cases {
      let check = try learner.check(1, ["--file", path])
      #expect(check.status == 1)
      #expect(check.errors == "learnchat: cannot read \(path): \(reason)\n", "\(check.errors)")
    }
  }

  @Test("usage errors: no such exercise, the wrong kind of answer, --answer without --seed")
  func usageErrors() throws {
    let learner = try ExerciseLearner()
    let cases: [[String]] = [
      ["check", "12", "x"], ["check", "6", "x"], ["check", "1"], ["check", "3", "--live"],
      ["check", "1", "x", "--file", "y"],
      ["check", "6", "--live", "--proxy-port", "7", "--server-port", "7"],
      ["exercise", "1", "--answer"], ["hint", "0"], ["check", "1", "x", "--timeout", "3"],
    ]
    for arguments in cases {
      let run = try learner.learnchat(arguments)
      #expect(run.status == 64, "\(arguments): \(run.output)\(run.errors)")
      #expect(run.errors.contains("Usage:"), "\(arguments): \(run.errors)")
    }
  }
}
