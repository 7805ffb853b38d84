#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where exercises come from: a folder of `NN-name.md` files, or the copy built into the
/// binary, found as lessons are (``LessonLibrary``): `--exercises DIR`, an `exercises` folder
/// beside the executable, in `../share/learnchat/exercises`, or in the checkout it was built
/// in; failing those, the built-in copy.
public struct ExerciseLibrary: Sendable, NumberedLibrary {
  /// Where the exercise files are read from.
  public let source: LessonLibrary.Source

  /// The library reading `source`.
  public init(source: LessonLibrary.Source) {
    self.source = source
  }

  /// The library in `folder`, or found as described above when `folder` is nil.
  public static func locate(
    folder: String?, executablePath: String = LessonLibrary.runningExecutable
  ) throws(ExerciseError) -> ExerciseLibrary {
    try locating(folder: folder, executablePath: executablePath)
  }

  /// Exercise `number`, parsed and checked.
  public func exercise(_ number: Int) throws(ExerciseError) -> Exercise {
    try item(number)
  }

  /// Every exercise, parsed and checked; the first bad file stops the listing.
  public func exercises() throws(ExerciseError) -> [Exercise] {
    try items()
  }

  static let folderName = "exercises"
  static var builtInFiles: [(name: String, text: String)] { BuiltInExercises.files }

  static func unreadable(_ problem: NumberedFiles.Problem) -> ExerciseError {
    switch problem {
    case .unreadableFolder(let path, let reason): .unreadableFolder(path: path, reason: reason)
    case .unreadableFile(let path, let reason): .unreadableFile(path: path, reason: reason)
    }
  }

  static func noSuch(_ number: Int, available: [Int]) -> ExerciseError {
    .noSuchExercise(number: number, available: available)
  }

  static func item(from file: NumberedFiles.File) throws(ExerciseError) -> Exercise {
    try Exercise(
      number: file.number, fileName: file.fileName,
      text: ExerciseParser.parse(file.source, fileName: file.fileName))
  }
}
