/// Words the exercises' chats are made of, picked by seed so that every learner reads a chat
/// of their own. ASCII only, so that a byte count is a character count.
enum Phrases {
  static let names = [
    "Alice", "Bruno", "Chidi", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ines", "Jonas",
    "Keiko", "Lucia", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq",
  ]
  static let places = [
    "library", "station", "bakery", "harbour", "museum", "market", "cinema", "stadium",
    "old bridge", "town hall", "park gate", "night bus stop",
  ]
  static let times = [
    "noon", "nine", "half past six", "ten sharp", "midnight", "seven", "a quarter to five",
    "eleven",
  ]
  static let things = [
    "the blue folder", "two tickets", "the spare key", "my laptop", "the old map",
    "a red umbrella", "the contract", "some bread",
  ]
  static let words = [
    "tangerine", "walrus", "copper", "lantern", "meadow", "quartz", "saffron", "thimble",
    "velvet", "zephyr", "basalt", "juniper", "marble", "pepper", "riddle", "sparrow",
  ]

  /// A sentence a client might send, such as "Meet me at the bakery at noon."
  static func sentence(_ choices: inout SeededChoices) -> String {
    switch choices.number(in: 0...5) {
    case 0: return "Meet me at the \(choices.pick(places)) at \(choices.pick(times))."
    case 1: return "Bring \(choices.pick(things)), please."
    case 2: return "\(choices.pick(names)) will wait at the \(choices.pick(places))."
    case 3: return "Did you remember \(choices.pick(things))?"
    case 4: return "The \(choices.pick(places)) closes at \(choices.pick(times)) today."
    default: return "Tell \(choices.pick(names)) I said hello."
    }
  }

  /// A reply a server might send.
  static func reply(_ choices: inout SeededChoices) -> String {
    switch choices.number(in: 0...4) {
    case 0: return "OK, see you there."
    case 1: return "Sure, \(choices.pick(names)) knows."
    case 2: return "I will bring \(choices.pick(things))."
    case 3: return "Not before \(choices.pick(times)), sorry."
    default: return "Got it."
    }
  }

  /// A made-up secret: a word and digits, such as `walrus4172`.
  static func secret(_ choices: inout SeededChoices) -> String {
    choices.pick(words) + String(choices.number(in: 1000...9999))
  }
}
