import ArgumentParser
import LearnchatLessons

/// `--exercises DIR`, shared by the commands that read exercises.
struct ExerciseSourceOptions: ParsableArguments {
  @Option(
    name: .customLong("exercises"),
    help: ArgumentHelp(
      "A folder of exercise files (NN-name.md) to use instead of the built-in ones.",
      valueName: "DIR"))
  var folder: String?

  func library() throws -> ExerciseLibrary {
    try ExerciseLibrary.locate(folder: folder)
  }

  /// Exercise `number`; a number that does not exist is a usage error (status 64) naming the
  /// ones that do, reported for `command`.
  func exercise<Command: ParsableCommand>(_ number: Int, for command: Command.Type) throws
    -> Exercise
  {
    do {
      return try library().exercise(number)
    } catch let error as ExerciseError {
      if case .noSuchExercise = error { throw UsageError.report("\(error)", for: command) }
      throw CommandFailure.report(error)
    }
  }
}

/// A usage error: the message, the command's usage, status 64.
enum UsageError {
  static func report<Command: ParsableCommand>(_ message: String, for command: Command.Type)
    -> ExitCode
  {
    let usage = Learnchat.usageString(for: command)
    StandardError.write("Error: \(message)\nUsage: \(usage)\n")
    return ExitCode.validationFailure
  }
}
