/// What a dashboard handler answers, before it becomes an HTTP response.
public struct Reply: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]

    public init(status: Int = 200, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    static func html(_ text: String, status: Int = 200) -> Reply {
        Reply(status: status, contentType: "text/html; charset=utf-8", body: Array(text.utf8))
    }

    static func json(_ value: JSON, status: Int = 200) -> Reply {
        Reply(
            status: status, contentType: "application/json; charset=utf-8",
            body: Array((value.serialized(pretty: true) + "\n").utf8))
    }

    static func text(_ text: String, contentType: String = "text/plain; charset=utf-8", status: Int = 200) -> Reply {
        Reply(status: status, contentType: contentType, body: Array(text.utf8))
    }

    /// 404 as a page or as JSON (`{"error": …}`), naming what was not found.
    static func notFound(_ what: String, api: Bool) -> Reply {
        api
            ? json(.object([("error", .string(what))]), status: 404)
            : html(
                HTML.page(
                    title: "Not found", body: "<p>\(HTML.escape(what))</p><p><a href=\"/\">All result sets</a></p>"),
                status: 404)
    }

    static func badRequest(_ what: String, api: Bool) -> Reply {
        api
            ? json(.object([("error", .string(what))]), status: 400)
            : html(HTML.page(title: "Bad request", body: "<p>\(HTML.escape(what))</p>"), status: 400)
    }
}
