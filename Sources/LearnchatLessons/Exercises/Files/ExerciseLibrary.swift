#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where exercises come from: a folder of `NN-name.md` files, or the copy built into the
/// binary, found as lessons are (``LessonLibrary``): `--exercises DIR`, an `exercises` folder
/// beside the executable, in `../share/learnchat/exercises`, or in the checkout it was built
/// in; failing those, the built-in copy.
public struct ExerciseLibrary: Sendable {
  /// Where the exercise files are read from.
  public let source: LessonLibrary.Source

  /// The library in `folder`, or found as described above when `folder` is nil.
  public static func locate(
    folder: String?, executablePath: String = LessonLibrary.runningExecutable
  ) throws(ExerciseError) -> ExerciseLibrary {
    if let folder {
      var isDirectory = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
        throw .unreadableFolder(path: folder, reason: "no such folder")
      }
      guard isDirectory else {
        throw .unreadableFolder(path: folder, reason: "not a folder")
      }
      return ExerciseLibrary(source: .folder(folder))
    }
    if let found = ContentFolders.locate(named: "exercises", executablePath: executablePath) {
      return ExerciseLibrary(source: .folder(found))
    }
    return ExerciseLibrary(source: .builtIn)
  }

  /// Every exercise file's number, name and text, in number order.
  public func files() throws(ExerciseError) -> [(number: Int, fileName: String, source: String)] {
    do {
      switch source {
      case .builtIn: return NumberedFiles.builtIn(BuiltInExercises.files)
      case .folder(let path): return try NumberedFiles.inFolder(path)
      }
    } catch {
      switch error {
      case .unreadableFolder(let path, let reason):
        throw .unreadableFolder(path: path, reason: reason)
      case .unreadableFile(let path, let reason): throw .unreadableFile(path: path, reason: reason)
      }
    }
  }

  /// Exercise `number`, parsed and checked.
  public func exercise(_ number: Int) throws(ExerciseError) -> Exercise {
    let all = try files()
    guard let file = all.first(where: { $0.number == number }) else {
      throw .noSuchExercise(number: number, available: all.map(\.number))
    }
    return try Exercise(
      number: file.number, fileName: file.fileName,
      text: ExerciseParser.parse(file.source, fileName: file.fileName))
  }

  /// Every exercise, parsed and checked; the first bad file stops the listing.
  public func exercises() throws(ExerciseError) -> [Exercise] {
    var exercises: [Exercise] = []
    for file in try files() {
      exercises.append(
        try Exercise(
          number: file.number, fileName: file.fileName,
          text: ExerciseParser.parse(file.source, fileName: file.fileName)))
    }
    return exercises
  }
}
