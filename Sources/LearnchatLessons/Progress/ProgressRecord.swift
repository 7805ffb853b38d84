/// What learnchat remembers of a learner's work between runs: how far each lesson got, and
/// each exercise's seed, hints and result.
///
/// Stored as JSON in the state folder (see `ProgressStore`). Every field but `version` may be
/// missing, so a file written by another version of learnchat still loads.
public struct ProgressRecord: Codable, Sendable, Equatable {
  /// Where one lesson was left.
  public struct LessonPlace: Codable, Sendable, Equatable {
    /// The stage last shown, by name (`oaep-wrap`); names survive stages being added.
    public var stage: String
    /// Its 1-based number when it was shown, for messages.
    public var number: Int
    /// How many stages the lesson had then.
    public var stageCount: Int
    /// The furthest stage number ever shown.
    public var furthest: Int
    /// Whether the lesson was followed to its summary at least once.
    public var finished: Bool

    /// A place at stage `stage`, number `number` of `stageCount`.
    public init(stage: String, number: Int, stageCount: Int, furthest: Int, finished: Bool) {
      self.stage = stage
      self.number = number
      self.stageCount = stageCount
      self.furthest = furthest
      self.finished = finished
    }
  }

  /// Where a learner is with one exercise.
  public struct ExerciseState: Codable, Sendable, Equatable {
    /// The seed the exercise's material was made from: `check` makes the same material again
    /// to know the expected answer.
    public var seed: String
    /// How many of the exercise's hints `learnchat hint` has shown.
    public var hintsShown: Int
    /// Whether `check` found an answer right with this seed.
    public var done: Bool
    /// How many answers `check` judged with this seed, right or not.
    public var attempts: Int

    /// An exercise started with `seed`, no hint seen, nothing checked.
    public init(seed: String, hintsShown: Int = 0, done: Bool = false, attempts: Int = 0) {
      self.seed = seed
      self.hintsShown = hintsShown
      self.done = done
      self.attempts = attempts
    }

    enum CodingKeys: String, CodingKey {
      case seed, hintsShown, done, attempts
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      seed = try container.decode(String.self, forKey: .seed)
      hintsShown = try container.decodeIfPresent(Int.self, forKey: .hintsShown) ?? 0
      done = try container.decodeIfPresent(Bool.self, forKey: .done) ?? false
      attempts = try container.decodeIfPresent(Int.self, forKey: .attempts) ?? 0
    }
  }

  /// The file format's version; a reader refuses versions it does not know.
  public var version: Int = ProgressRecord.currentVersion
  /// Each lesson's place, by lesson number (JSON object keys are strings).
  public var lessons: [String: LessonPlace] = [:]
  /// Each exercise's state, by exercise number. Optional in the file: records written before
  /// exercises existed load with none.
  public var exercises: [String: ExerciseState] = [:]

  /// The version this learnchat writes.
  public static let currentVersion = 1

  /// An empty record.
  public init() {}

  /// The place of lesson `number`, if it was ever run.
  public func place(ofLesson number: Int) -> LessonPlace? {
    lessons[String(number)]
  }

  /// The state of exercise `number`, if it was ever started.
  public func state(ofExercise number: Int) -> ExerciseState? {
    exercises[String(number)]
  }

  enum CodingKeys: String, CodingKey {
    case version, lessons, exercises
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    version = try container.decode(Int.self, forKey: .version)
    lessons = try container.decodeIfPresent([String: LessonPlace].self, forKey: .lessons) ?? [:]
    exercises =
      try container.decodeIfPresent([String: ExerciseState].self, forKey: .exercises) ?? [:]
  }
}
