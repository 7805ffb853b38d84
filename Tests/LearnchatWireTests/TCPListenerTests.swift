import Glibc
import LearnchatWire
import Testing

@Suite struct TCPListenerTests {
  @Test func portZeroGetsARealPort() throws {
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    defer { listener.close() }
    #expect(listener.port != 0)
    #expect(listener.localAddress == SocketAddress(host: "127.0.0.1", port: listener.port))
  }

  @Test func acceptedAndConnectedEndsKnowEachOther() throws {
    let listener = try TCPListener(host: "localhost", port: 0)
    defer { listener.close() }
    let client = try TCPConnection.connect(host: "localhost", port: listener.port)
    defer { client.close() }
    let server = try listener.accept()
    defer { server.close() }
    #expect(client.remoteAddress.port == listener.port)
    #expect(server.remoteAddress == client.localAddress)
    #expect(client.remoteAddress == server.localAddress)
  }

  @Test func worksOverIPv6Loopback() throws {
    let listener = try TCPListener(host: "::1", port: 0)
    defer { listener.close() }
    let client = try TCPConnection.connect(host: "::1", port: listener.port)
    defer { client.close() }
    let server = try listener.accept()
    defer { server.close() }
    #expect(server.localAddress.description == "[::1]:\(listener.port)")
    try client.writeAll([1, 2, 3])
    #expect(try server.readExactly(3) == [1, 2, 3])
  }

  @Test func connectingWhereNobodyListensIsRefused() throws {
    let port = try unusedPort()
    let error = #expect(throws: SystemError.self) {
      try TCPConnection.connect(host: "127.0.0.1", port: port)
    }
    #expect(error?.call == "connect")
    #expect(error?.errno == ECONNREFUSED)
    #expect(error?.description.contains("Connection refused") == true)
  }

  @Test func unknownHostIsAnAddressResolutionError() throws {
    let error = #expect(throws: WireError.self) {
      try TCPConnection.connect(host: "no-such-host.invalid", port: 5002)
    }
    guard case .addressResolution(let host, let message)? = error else {
      Issue.record("expected addressResolution, got \(String(describing: error))")
      return
    }
    #expect(host == "no-such-host.invalid")
    #expect(!message.isEmpty)
  }

  @Test func acceptAfterCloseThrowsSocketClosed() throws {
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    listener.close()
    listener.close()
    #expect(throws: WireError.socketClosed(operation: "accept")) { try listener.accept() }
  }

  @Test func closeFromAnotherThreadWakesABlockedAccept() throws {
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    let accepting = Background { try listener.accept() }
    // Whether close lands before or during accept, accept must end with socketClosed.
    listener.close()
    #expect(throws: WireError.socketClosed(operation: "accept")) { try accepting.join() }
  }
}
