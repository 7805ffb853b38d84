/// Where a live check runs and how long it waits.
public struct LiveOptions: Sendable, Equatable {
  /// The address both learnchat's server and the learner's program use.
  public var host: String
  /// Where the learner's program listens; learnchat's client connects there.
  public var proxyPort: UInt16
  /// Where learnchat's server listens; the learner's program connects there for each client.
  public var serverPort: UInt16
  /// How long to wait for the learner's program to listen, to connect on, and for each frame.
  public var timeout: Double

  /// The ports of the issue: the learner's program on 5002, where clients expect a server,
  /// learnchat's server on 5003.
  public init(
    host: String = "127.0.0.1", proxyPort: UInt16 = 5002, serverPort: UInt16 = 5003,
    timeout: Double = 20
  ) {
    self.host = host
    self.proxyPort = proxyPort
    self.serverPort = serverPort
    self.timeout = timeout
  }
}
