/// A binary min-heap of pending deliveries ordered by (time, tie); `tie` is the push counter, so
/// equal times deliver in publish order and the simulation stays deterministic.
struct DeliveryHeap {
    struct Entry {
        var time: Int64
        var tie: Int64
        var seq: Int
    }

    private(set) var items: [Entry] = []
    private var pushes: Int64 = 0

    init(capacity: Int) { items.reserveCapacity(capacity) }

    var count: Int { items.count }
    var min: Entry? { items.first }

    @inline(__always)
    static func less(_ a: Entry, _ b: Entry) -> Bool { a.time < b.time || (a.time == b.time && a.tie < b.tie) }

    mutating func push(time: Int64, seq: Int) {
        var i = items.count
        items.append(Entry(time: time, tie: pushes, seq: seq))
        pushes += 1
        let e = items[i]
        while i > 0 {
            let parent = (i - 1) >> 1
            guard DeliveryHeap.less(e, items[parent]) else { break }
            items[i] = items[parent]
            i = parent
        }
        items[i] = e
    }

    mutating func pop() -> Entry {
        let top = items[0]
        let last = items.removeLast()
        let n = items.count
        guard n > 0 else { return top }
        var i = 0
        while true {
            let l = 2 * i + 1
            guard l < n else { break }
            let r = l + 1
            let c = (r < n && DeliveryHeap.less(items[r], items[l])) ? r : l
            guard DeliveryHeap.less(items[c], last) else { break }
            items[i] = items[c]
            i = c
        }
        items[i] = last
        return top
    }
}
