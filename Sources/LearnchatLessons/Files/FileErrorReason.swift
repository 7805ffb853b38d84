import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A short reason for a failed file operation, such as `No such file or directory`: the
/// system's words for the errno behind it, without Foundation's domain and code dump.
enum FileErrorReason {
  static func of(_ error: any Error) -> String {
    if let system = error as? SystemError { return system.message }
    if let posix = error as? POSIXError { return text(posix) }
    // FileManager and Data wrap the errno in a CocoaError.
    if let cocoa = error as? CocoaError {
      if let posix = cocoa.underlying as? POSIXError { return text(posix) }
      return "file error \(cocoa.code.rawValue)"
    }
    return "\(error)"
  }

  private static func text(_ error: POSIXError) -> String {
    SystemError(call: "", errno: error.code.rawValue).message
  }
}
