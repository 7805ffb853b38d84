import ArgumentParser

/// Turns run-time failures into one line on standard error and exit status 1.
enum CommandFailure {
  /// Runs `body`; any error becomes `learnchat: <what went wrong>` and exit status 1.
  static func reporting(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let exit as ExitCode {
      throw exit
    } catch {
      throw report(error)
    }
  }

  /// Prints `error` as one line and returns the exit status to throw.
  static func report(_ error: any Error) -> ExitCode {
    StandardError.write("learnchat: \(error)\n")
    return ExitCode.failure
  }
}
