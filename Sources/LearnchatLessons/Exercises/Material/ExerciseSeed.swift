import LearnchatCrypto

/// The seed an exercise's material is made from, and the exercise it is for.
///
/// The same text gives different material in different exercises: everything drawn is keyed by
/// the exercise's number and checker as well as the text. Keys, nonces and OAEP's padding come
/// from a seeded OpenSSL context (as `learnchat lesson --seed` does); choices of words and
/// numbers from ``SeededChoices``.
public struct ExerciseSeed: Sendable, Equatable {
  /// The seed as the learner or instructor wrote it (`--seed alice`), or a fresh random one.
  public let text: String
  /// The exercise's number.
  public let exercise: Int
  /// The checker's name.
  public let checker: String

  /// The seed `text` for exercise `exercise`, checked by `checker`.
  public init(text: String, exercise: Int, checker: String) {
    self.text = text
    self.exercise = exercise
    self.checker = checker
  }

  /// What every value of this exercise is derived from.
  var derivation: String { "learnchat exercise \(exercise) (\(checker)): \(text)" }

  /// A fresh seeded context for this exercise's keys and nonces. Use it from one thread, in a
  /// fixed order, so that the same seed gives the same bytes.
  func context() throws -> CryptoContext {
    try CryptoContext.seeded(derivation)
  }

  /// A fresh stream of choices for this exercise, named `purpose` so that two uses of the seed
  /// do not repeat each other.
  func choices(_ purpose: String) -> SeededChoices {
    SeededChoices(seed: derivation + " / " + purpose)
  }

  /// A new random seed for a learner: eight letters and digits, easy to read out.
  public static func fresh() throws -> String {
    let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
    return String(
      try CryptoContext.system.randomBytes(8).map { alphabet[Int($0) % alphabet.count] })
  }
}
