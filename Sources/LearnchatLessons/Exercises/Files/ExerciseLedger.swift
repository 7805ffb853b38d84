/// An exercise's place in the learner's progress record: which seed its material came from,
/// how many hints were shown, whether it is done.
///
/// - `exercise N` hands out material from the seed remembered for N, or from a fresh one it
///   remembers; `--seed S` replaces the remembered seed (and so starts the exercise afresh).
/// - `check N` uses the remembered seed; `check N --seed S` (an instructor grading) uses S and
///   records nothing unless S is the one remembered.
public struct ExerciseLedger: Sendable {
  /// Where progress is kept; nil when the environment names no state folder.
  public let store: ProgressStore?

  /// A ledger over `store`.
  public init(store: ProgressStore?) {
    self.store = store
  }

  /// The recorded state of exercise `number`.
  public func state(_ number: Int) -> ProgressRecord.ExerciseState? {
    store?.load().state(ofExercise: number)
  }

  /// The seed to make exercise `number`'s material from: `requested` if given, else the one
  /// remembered, else a fresh one; remembered from now on.
  public func handOut(_ number: Int, requested: String?) throws -> String {
    let remembered = state(number)?.seed
    let seed = try requested ?? remembered ?? ExerciseSeed.fresh()
    if seed != remembered {
      store?.update { $0.exercises[String(number)] = ProgressRecord.ExerciseState(seed: seed) }
    }
    return seed
  }

  /// Counts one more hint of exercise `number` as shown (at most `available`); returns how
  /// many have been shown now.
  @discardableResult
  public func showHint(_ number: Int, available: Int) throws -> Int {
    var shown = min((state(number)?.hintsShown ?? 0) + 1, available)
    if state(number) == nil { _ = try handOut(number, requested: nil) }
    store?.update { record in
      guard var state = record.exercises[String(number)] else { return }
      state.hintsShown = max(state.hintsShown, shown)
      shown = state.hintsShown
      record.exercises[String(number)] = state
    }
    return shown
  }

  /// Records a check of exercise `number` made with `seed`: nothing unless `seed` is the one
  /// remembered; a right answer that completes the exercise marks it done.
  public func recordCheck(_ number: Int, seed: String, result: CheckResult) {
    store?.update { record in
      guard var state = record.exercises[String(number)], state.seed == seed else { return }
      state.attempts += 1
      if result.isRight && result.completes { state.done = true }
      record.exercises[String(number)] = state
    }
  }
}
