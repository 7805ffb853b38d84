/// What learnchat remembers of a learner's work between runs: how far each lesson got.
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

  /// The file format's version; a reader refuses versions it does not know.
  public var version: Int = ProgressRecord.currentVersion
  /// Each lesson's place, by lesson number (JSON object keys are strings).
  public var lessons: [String: LessonPlace] = [:]

  /// The version this learnchat writes.
  public static let currentVersion = 1

  /// An empty record.
  public init() {}

  /// The place of lesson `number`, if it was ever run.
  public func place(ofLesson number: Int) -> LessonPlace? {
    lessons[String(number)]
  }

  enum CodingKeys: String, CodingKey {
    case version, lessons
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    version = try container.decode(Int.self, forKey: .version)
    lessons = try container.decodeIfPresent([String: LessonPlace].self, forKey: .lessons) ?? [:]
  }
}
