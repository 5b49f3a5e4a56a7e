import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The leaf elements of an S3 XML response, in document order, read with Foundation's
/// `XMLParser`. S3's responses (ListBucketResult, InitiateMultipartUploadResult, Error) are
/// flat enough that a list of (path, text) pairs answers every question we ask of them.
struct XMLFields {
    /// (element path like `ListBucketResult/Contents/Key`, text) for each leaf element.
    var leaves: [(path: String, text: String)] = []

    /// Parses `bytes`; nil when they are not well-formed XML.
    init?(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return nil }
        let parser = XMLParser(data: Data(bytes))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { return nil }
        leaves = collector.leaves
    }

    /// Text of the first element named `name` (last path component).
    static func first(_ name: String, in bytes: [UInt8]) -> String? {
        XMLFields(bytes)?.leaves.first { $0.path == name || $0.path.hasSuffix("/" + name) }?.text
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var leaves: [(path: String, text: String)] = []
        private var stack: [String] = []
        private var text = ""
        private var hadChild = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            stack.append(name)
            text = ""
            hadChild = false
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if !hadChild { leaves.append((stack.joined(separator: "/"), text)) }
            stack.removeLast()
            text = ""
            hadChild = true
        }
    }
}
