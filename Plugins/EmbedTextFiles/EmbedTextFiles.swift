import Foundation
import PackagePlugin

/// Compiles the lesson and exercise files into the lessons layer at build time, so a copied
/// `learnchat` binary runs every lesson without the repository beside it.
///
/// Each folder's files with one suffix become one type in a Swift file generated in the
/// plugin's work directory: `enum BuiltInLessons { static let files: [(name: String, text:
/// String)] }` from `lessons/*.md`, `BuiltInExercises` from `exercises/*.md`, and
/// `BuiltInExerciseScripts` from `exercises/*.py` (the relay the live exercises hand out).
/// Nothing generated is checked in.
///
/// The step is a Python script (`embed-text-files.py`), not a Swift tool target: a tool target
/// is compiled with the build's own flags, and under `--sanitize=fuzzer` (scripts/fuzz)
/// libFuzzer's `main` would replace the tool's. Its inputs are the folders and their files, so
/// SwiftPM reruns it when a file is edited, added or removed.
@main
struct EmbedTextFiles: BuildToolPlugin {
  /// Each generated type, the package folder its files come from, and their suffix.
  static let folders = [
    ("BuiltInLessons", "lessons", ".md"), ("BuiltInExercises", "exercises", ".md"),
    ("BuiltInExerciseScripts", "exercises", ".py"),
  ]

  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let script = context.package.directoryURL.appending(path: "Plugins/EmbedTextFiles")
      .appending(path: "embed-text-files.py")
    let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInTextFiles.swift")
    var arguments = [script.path, output.path]
    var inputs = [script]
    for (typeName, folder, suffix) in Self.folders {
      let url = context.package.directoryURL.appending(path: folder)
      arguments.append("\(typeName)=\(suffix)=\(url.path)")
      // The folder itself notices a file added or removed; each file, an edit. A folder that
      // is missing is no input (the build would stop on it): its type is empty.
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
        continue
      }
      inputs += [url] + names.filter { $0.hasSuffix(suffix) }.map { url.appending(path: $0) }
    }
    return [
      .buildCommand(
        displayName: "Embedding lessons and exercises in \(target.name)",
        executable: URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3"] + arguments,
        inputFiles: inputs, outputFiles: [output])
    ]
  }
}
