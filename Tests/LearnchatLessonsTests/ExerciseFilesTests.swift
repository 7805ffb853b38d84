import Foundation
import Testing

@testable import LearnchatLessons

/// Exercise files: the repository's, the copy built into the binary, and the parser's rules.
@Suite("Exercise files")
struct ExerciseFilesTests {
  static let checkout = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let exercisesFolder = checkout.appendingPathComponent("exercises").path
  static let lessonsFolder = checkout.appendingPathComponent("lessons").path

  @Test("the repository's eleven exercises load, each with its own checker, in lesson order")
  func repositoryExercises() throws {
    let exercises = try ExerciseLibrary.locate(folder: Self.exercisesFolder).exercises()
    #expect(exercises.map(\.number) == Array(1...11))
    #expect(Set(exercises.map { $0.checker.name }).count == ExerciseCheckers.all.count)
    #expect(exercises.map(\.text.lesson) == exercises.map(\.text.lesson).sorted())
    #expect(exercises.allSatisfy { $0.text.hints.count >= 2 })
  }

  @Test("every exercise points at a lesson stage that exists")
  func stagesExist() throws {
    let lessons = try LessonLibrary.locate(folder: Self.lessonsFolder)
    for exercise in try ExerciseLibrary.locate(folder: Self.exercisesFolder).exercises() {
      let lesson = try lessons.lesson(exercise.text.lesson)
      #expect(
        lesson.stages.contains { $0.id == exercise.text.stage },
        "exercise \(exercise.number): lesson \(exercise.text.lesson) has no stage \(exercise.text.stage)"
      )
    }
  }

  @Test("the built-in copy is exactly exercises/ (the EmbedTextFiles plugin compiles it in)")
  func builtInCopyIsCurrent() throws {
    let folder = try ExerciseLibrary.locate(folder: Self.exercisesFolder).files()
    let builtIn = try ExerciseLibrary(source: .builtIn).files()
    #expect(folder.map(\.fileName) == builtIn.map(\.fileName))
    #expect(folder.map(\.source) == builtIn.map(\.source))
  }

  @Test("the live exercises hand out exercises/relay.py as it is in the repository")
  func relayHandedOut() throws {
    let relay = try String(contentsOfFile: Self.exercisesFolder + "/relay.py", encoding: .utf8)
    let exercise = try ExerciseLibrary(source: .builtIn).exercise(6)
    let files = try exercise.make(seed: "relay").material.files
    #expect(files.map(\.fileName) == ["relay.py"])
    #expect(files.first?.bytes == Array(relay.utf8))
  }

  @Test("a binary in a checkout's .build finds its exercises; elsewhere the built-in ones")
  func locating() throws {
    let inCheckout = Self.checkout.appendingPathComponent(".build/debug/learnchat").path
    #expect(
      try ExerciseLibrary.locate(folder: nil, executablePath: inCheckout).source
        == .folder(Self.exercisesFolder))
    #expect(
      try ExerciseLibrary.locate(folder: nil, executablePath: "/nonexistent/bin/learnchat").source
        == .builtIn)
  }

  @Test("every task and hint is filled from its material: nothing of `{{` is left on the page")
  func everyPlaceholderFilled() throws {
    let page = ExercisePage(settings: TerminalSettings(colors: false, width: 100))
    for exercise in try ExerciseLibrary.locate(folder: Self.exercisesFolder).exercises() {
      let material = try exercise.make(seed: "placeholders").material
      var pages = [page.task(exercise, material: material, folder: "here")]
      for index in exercise.text.hints.indices {
        pages.append(page.hint(exercise, index: index, material: material, folder: "here"))
      }
      for text in pages {
        #expect(!text.contains("{{"), "exercise \(exercise.number):\n\(text)")
      }
    }
  }

  @Test("a value is text in the tree: its `*`, backticks and `<` are shown, not read as markup")
  func valuesStayText() throws {
    let exercise = try ExerciseLibrary(source: .builtIn).exercise(3)
    let material = ExerciseMaterial(files: [], values: ["frame": "*3* `x` <b>"], answer: "")
    let filled = exercise.filling(exercise.text.taskDocument, material: material, folder: "a_b_")
    let shown = ExercisePage(settings: TerminalSettings(colors: false, width: 200))
      .render(filled)
    #expect(shown.contains("frame *3* `x` <b> carry"), "\(shown)")
    #expect(shown.contains("a_b_/chat.pcapng"), "\(shown)")
  }

  static let good = """
    # Exercise 9: A test

    <!-- checker: frame-length -->
    <!-- lesson: 2 message-frame -->

    Intro text.

    <!-- task -->

    Frame {{frame}} in `{{dir}}`, for exercise {{number}}.

    ```
    <!-- hint -->
    ```

    <!-- hint -->

    First hint.

    <!-- hint -->

    Second hint.
    """

  @Test("markers split the file; a marker inside a code block is text")
  func parses() throws {
    let text = try ExerciseParser.parse(Self.good, fileName: "09-test.md")
    #expect(text.title == "Exercise 9: A test")
    #expect(text.checker == "frame-length")
    #expect(text.lesson == 2 && text.stage == "message-frame")
    #expect(text.introduction == "# Exercise 9: A test\n\nIntro text.\n")
    #expect(text.task.hasPrefix("Frame {{frame}} in `{{dir}}`"))
    #expect(text.task.contains("<!-- hint -->"), "the quoted marker stays in the task")
    #expect(text.hints == ["First hint.\n", "Second hint.\n"])
    let exercise = try Exercise(number: 9, fileName: "09-test.md", text: text)
    #expect(exercise.checker.name == "frame-length")
  }

  @Test(
    "a malformed exercise file is one line naming the file and the problem",
    arguments: [
      ("<!-- checker: frame-length -->", "", "no title"),
      ("# T\n<!-- lesson: 2 seal -->\n<!-- task -->\nx\n<!-- hint -->\ny", "", "names no checker"),
      (
        "# T\n<!-- checker: frame-length -->\n<!-- task -->\nx\n<!-- hint -->\ny", "",
        "names no lesson"
      ),
      (
        "# T\n<!-- checker: frame-length -->\n<!-- lesson: 2 seal -->\n<!-- hint -->\ny", "",
        "hint comes before the task"
      ),
      (
        "# T\n<!-- checker: frame-length -->\n<!-- lesson: 2 seal -->\n<!-- task -->\nx", "",
        "at least one hint"
      ),
      ("# T\n<!-- checker: frame-length -->\n<!-- lesson: two seal -->", "", "NUMBER STAGE"),
      ("# T\n<!-- checker: x -->\n<!-- checker: y -->", "", "a second checker marker"),
      (
        "# T\n<!-- checker: nope -->\n<!-- lesson: 2 seal -->\n<!-- task -->\nx\n<!-- hint -->\ny",
        "check", "no checker is called `nope`"
      ),
      (
        "# T\n<!-- checker: frame-length -->\n<!-- lesson: 2 seal -->\n<!-- task -->\n{{key}}\n<!-- hint -->\ny",
        "check", "{{key}} is not filled"
      ),
    ])
  func malformed(source: String, stage: String, message: String) {
    #expect {
      let text = try ExerciseParser.parse(source, fileName: "07-bad.md")
      if !stage.isEmpty { _ = try Exercise(number: 7, fileName: "07-bad.md", text: text) }
    } throws: { error in
      let description = "\(error)"
      return description.hasPrefix("07-bad.md: ") && description.contains(message)
        && !description.contains("\n")
    }
  }

  @Test("a missing exercise names those available")
  func noSuchExercise() {
    #expect(throws: ExerciseError.noSuchExercise(number: 40, available: Array(1...11))) {
      try ExerciseLibrary(source: .builtIn).exercise(40)
    }
  }
}
