import ArgumentParser
import LearnchatLessons

/// `--lessons DIR`, shared by the commands that read lessons.
struct LessonSourceOptions: ParsableArguments {
  @Option(
    name: .customLong("lessons"),
    help: ArgumentHelp(
      "A folder of lesson files (NN-name.md) to use instead of the built-in ones.",
      valueName: "DIR"))
  var folder: String?

  func library() throws -> LessonLibrary {
    try LessonLibrary.locate(folder: folder)
  }
}
