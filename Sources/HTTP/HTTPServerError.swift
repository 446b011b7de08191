/// Why the server could not start.
public enum HTTPServerError: Error, Equatable, Sendable {
    /// The host is not a numeric IPv4 or IPv6 address.
    case invalidHost(String)
    /// A configuration value is out of range; `name` is the configuration property.
    case invalidConfiguration(name: String, value: Int)
    /// `start()` was called on a server that was already started.
    case alreadyStarted
    /// libmicrohttpd could not listen (address in use, no permission, …); `errno` as it was
    /// right after the failed start.
    case cannotListen(address: String, errno: Int32)
}
