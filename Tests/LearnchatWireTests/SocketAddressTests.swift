import LearnchatWire
import Testing

@Suite struct SocketAddressTests {
  @Test func describesHostAndPort() {
    #expect(SocketAddress(host: "127.0.0.1", port: 5002).description == "127.0.0.1:5002")
    #expect(SocketAddress(host: "::1", port: 5002).description == "[::1]:5002")
  }

  @Test func printsLikeAPythonTuple() {
    let address = SocketAddress(host: "127.0.0.1", port: 53422)
    #expect(address.pythonTupleDescription == "('127.0.0.1', 53422)")
  }
}
