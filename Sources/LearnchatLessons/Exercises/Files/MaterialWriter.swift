#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// Writes an exercise's material into its folder.
///
/// Only the material's own files are written (replacing earlier copies, which the same seed
/// makes identical); anything else in the folder, such as the learner's own scripts and
/// answers, is left alone.
public enum MaterialWriter {
  /// The folder `exercise N` writes to without `--dir`.
  public static func defaultFolder(_ number: Int) -> String {
    "./learnchat-exercise-\(number)"
  }

  /// Makes sure `folder` can take the material: creates it (with its parents) when missing;
  /// an existing one must be a writable folder.
  public static func prepare(_ folder: String) throws(OutputFileError) {
    var isFolder = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
      guard isFolder else {
        throw OutputFileError(path: folder, reason: "it is not a folder")
      }
    } else {
      do {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw OutputFileError(
          path: folder, reason: "cannot create the folder (\(ProgressStore.reason(error)))")
      }
    }
    guard access(folder, W_OK) == 0 else {
      throw OutputFileError(path: folder, reason: "the folder is not writable")
    }
  }

  /// Writes `material`'s files into `folder`, creating it; returns the names written.
  @discardableResult
  public static func write(_ material: ExerciseMaterial, to folder: String)
    throws(OutputFileError) -> [String]
  {
    try prepare(folder)
    for file in material.files {
      try OutputFile.write(
        file.bytes, to: FilePath.appending(file.fileName, to: folder))
    }
    return material.files.map(\.fileName)
  }
}
