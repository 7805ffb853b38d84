/// The version `learnchat --version` prints.
enum LearnchatVersion {
  static let current = "0.1.0"
}
