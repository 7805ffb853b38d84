import Glibc
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// The demo-3 server's long-term Ed25519 identity key, kept in a PKCS#8 PEM file across runs so
/// that clients can pin it.
public struct ServerIdentity: Sendable {
  /// The key.
  public let key: Ed25519.PrivateKey
  /// What clients pin: `SHA256:` and base64.
  public let fingerprint: String
  /// Whether this run created the file.
  public let created: Bool

  /// The default file: `$XDG_CONFIG_HOME/learnchat/server-identity.pem`, or else
  /// `$HOME/.config/learnchat/server-identity.pem`.
  public static func defaultPath(environment: [String: String]) throws -> String {
    try LearnchatConfiguration.directory(environment: environment) + "/server-identity.pem"
  }

  /// Loads the key in `path`, or creates one there (file 0600) when there is no such file;
  /// missing folders (0700) only with `creatingFolders`.
  ///
  /// - Throws: `ChatFailure` (`cannot use the identity key PATH: reason`) for a file that
  ///   cannot be read or written, does not hold an Ed25519 private key, or would need a folder
  ///   that does not exist.
  public static func loadOrCreate(path: String, creatingFolders: Bool = true) throws
    -> ServerIdentity
  {
    do {
      if !creatingFolders, let folder = missingFolder(of: path) {
        throw ChatFailure(
          "cannot use the identity key \(path): the folder \(folder) does not exist (create "
            + "it, or leave out --identity to use the default place)")
      }
      return try loadingOrCreating(path: path)
    } catch let failure as ChatFailure {
      throw failure
    } catch {
      throw ChatFailure("cannot use the identity key \(path): \(error)")
    }
  }

  /// The folder `path` would be created in, when it does not exist.
  static func missingFolder(of path: String) -> String? {
    guard let slash = path.lastIndex(of: "/") else { return nil }
    let folder = slash == path.startIndex ? "/" : String(path[..<slash])
    var status = stat()
    return stat(folder, &status) == 0 ? nil : folder
  }

  private static func loadingOrCreating(path: String) throws -> ServerIdentity {
    if let pem = try PrivateFiles.read(path) {
      return try ServerIdentity(key: Ed25519.PrivateKey(pem: pem), created: false)
    }
    let key = try Ed25519.PrivateKey()
    let pem = try key.pem()
    let createError: SystemError
    do {
      try PrivateFiles.create(path, contents: pem)
      return try ServerIdentity(key: key, created: true)
    } catch let error as SystemError {
      createError = error
    }
    // Another server created it in between: use that one.
    guard createError.errno == EEXIST, let existing = try PrivateFiles.read(path) else {
      throw createError
    }
    return try ServerIdentity(key: Ed25519.PrivateKey(pem: existing), created: false)
  }

  private init(key: Ed25519.PrivateKey, created: Bool) throws {
    self.key = key
    self.fingerprint = try Demo3.fingerprint(of: key.publicKey)
    self.created = created
  }
}
