// JSON decode path (issue 18, item 7): is simdjson worth its dependency?
// The Kafka orders event ({"order_id", "customer_id", "amount" DECIMAL(10,2), "category",
// "event_time" TIMESTAMP(3)}, as bench_kafka produces it) is decoded into the same Row by
//  - strict: JsonRowParser without its fast path (the decoder before simdjson was used);
//  - JsonRowParser as every JSON source (Kafka value, JSON Lines file) runs it: the simdjson
//    fast path (JsonFastTokenizer) with its checks, the strict parser only when it declines;
//  - simdjson alone: simdjson::ondemand, members matched by name and converted with the same
//    conversions (text::parseValue, parseTimestamp), including the copy into a padded buffer
//    that a Kafka payload (not padded) needs; and the same without that copy, as lower bounds.
// All decoders are first checked to give equal rows for every event. Figures are thread CPU
// time per event, best and median of 5 runs; the ratios are strict / the others.
// Usage: bench_json_decode [--events N]   (default 200000). Asserts nothing.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "connectors/format/JsonRowParser.h"
#include "connectors/format/TextCodec.h"
#include "types/Schema.h"
#include "types/Value.h"

using namespace sw::runtime;

namespace {

volatile std::int64_t g_sink = 0;

double threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

struct Figures {
    double best = 0, median = 0;
};

/// ns per event of `run` over all events: best and median of 5 runs.
template <typename F> Figures measure(std::size_t events, F&& run)
{
    std::vector<double> ns;
    for (int rep = 0; rep < 5; ++rep) {
        const double t0 = threadCpuNs();
        run();
        ns.push_back((threadCpuNs() - t0) / static_cast<double>(events));
    }
    std::sort(ns.begin(), ns.end());
    return {ns.front(), ns[2]};
}

Schema ordersSchema()
{
    Schema s;
    s.add("order_id", *DataType::parse("BIGINT"));
    s.add("customer_id", *DataType::parse("BIGINT"));
    s.add("amount", *DataType::parse("DECIMAL(10, 2)"));
    s.add("category", *DataType::parse("STRING"));
    s.add("event_time", *DataType::parse("TIMESTAMP(3)"));
    return s;
}

std::vector<std::string> ordersEvents(std::size_t n)
{
    const char* cats[] = {"books", "games", "garden", "toys", "tools", "music", "food", "sports"};
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto k = static_cast<std::int64_t>(i);
        out.push_back("{\"order_id\":" + std::to_string(k) +
                      ",\"customer_id\":" + std::to_string(k % 9973) + ",\"amount\":" +
                      formatDecimal(100 + (k * 37) % 50000, 2) + ",\"category\":\"" + cats[i % 8] +
                      "\",\"event_time\":\"" + formatTimestamp(1704067200000LL + k * 3) + "\"}");
    }
    return out;
}

/// The simdjson ondemand decoder of one object into `row`, with the runtime's conversions.
class SimdjsonDecoder {
public:
    explicit SimdjsonDecoder(const Schema& s) : m_schema(s) {}

    bool decode(std::string_view text, Row& row, bool copyToPadded)
    {
        simdjson::padded_string_view in;
        if (copyToPadded) {
            if (m_buf.size() < text.size() + simdjson::SIMDJSON_PADDING)
                m_buf.resize(text.size() + simdjson::SIMDJSON_PADDING);
            std::memcpy(m_buf.data(), text.data(), text.size());
            in = simdjson::padded_string_view(m_buf.data(), text.size(), m_buf.size());
        } else {
            in = simdjson::padded_string_view(text.data(), text.size(),
                                              text.size() + simdjson::SIMDJSON_PADDING);
        }
        row.resize(m_schema.size());
        for (auto& v : row)
            v.setNull();
        simdjson::ondemand::document doc;
        if (m_parser.iterate(in).get(doc)) return false;
        simdjson::ondemand::object obj;
        if (doc.get_object().get(obj)) return false;
        for (auto field : obj) {
            std::string_view key;
            if (field.unescaped_key().get(key)) return false;
            const int c = column(key);
            if (c < 0) continue;
            if (!convert(field.value(), static_cast<std::size_t>(c), row)) return false;
        }
        return true;
    }

private:
    int column(std::string_view key) const
    {
        for (std::size_t i = 0; i < m_schema.size(); ++i)
            if (m_schema[i].name == key) return static_cast<int>(i);
        return -1;
    }

    bool convert(simdjson::ondemand::value v, std::size_t c, Row& row)
    {
        const DataType& t = m_schema[c].type;
        switch (t.kind()) {
        case TypeKind::BigInt:
        case TypeKind::Int: {
            std::int64_t i = 0;
            if (v.get_int64().get(i)) return false;
            row[c].setInteger(i);
            return true;
        }
        case TypeKind::Decimal: {
            std::string_view raw = v.raw_json_token();
            while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n'))
                raw.remove_suffix(1);
            return text::parseValue(raw, t, row[c], m_error);
        }
        case TypeKind::String: {
            std::string_view s;
            if (v.get_string().get(s)) return false;
            row[c].assignString(s);
            return true;
        }
        case TypeKind::Timestamp: {
            std::string_view s;
            std::int64_t ms = 0;
            if (v.get_string().get(s) || !parseTimestamp(s, ms)) return false;
            row[c].setTimestamp(ms);
            return true;
        }
        default:
            return false;
        }
    }

    Schema m_schema;
    simdjson::ondemand::parser m_parser;
    std::vector<char> m_buf;
    std::string m_error;
};

int usage(FILE* f, int rc)
{
    std::fprintf(f, "usage: bench_json_decode [--events N]\n"
                    "  Decodes N orders JSON events (default 200000) with the strict JSON parser,\n"
                    "  with JsonRowParser (simdjson fast path) and with simdjson ondemand alone\n"
                    "  into the same rows; prints ns per event (thread CPU, best and median of 5)\n"
                    "  and the ratios.\n");
    return rc;
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t n = 200000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") return usage(stdout, 0);
        if (a == "--events" && i + 1 < argc) {
            char* end = nullptr;
            const long long v = std::strtoll(argv[++i], &end, 10);
            if (!end || *end || v <= 0) return usage(stderr, 2);
            n = static_cast<std::size_t>(v);
            continue;
        }
        std::fprintf(stderr, "bench_json_decode: unknown argument '%s'\n", a.c_str());
        return usage(stderr, 2);
    }

    const Schema schema = ordersSchema();
    const std::vector<std::string> events = ordersEvents(n);
    // simdjson without the copy reads up to SIMDJSON_PADDING bytes past each event: keep every
    // event in a buffer with that much room.
    std::vector<std::string> padded = events;
    for (auto& e : padded)
        e.reserve(e.size() + simdjson::SIMDJSON_PADDING);

    JsonRowParser strict(schema, false);
    JsonRowParser current(schema);
    SimdjsonDecoder simd(schema);
    Row a, b, c;
    for (std::size_t i = 0; i < n; ++i) {
        if (!strict.parse(events[i], a) || !current.parse(events[i], c) ||
            !simd.decode(events[i], b, true) || a != b || a != c) {
            std::fprintf(stderr, "decoders disagree on event %zu: %s\n", i, events[i].c_str());
            return 1;
        }
    }

    if (current.fastPathDecoded() != n) {
        std::fprintf(stderr, "the fast path declined %llu events\n",
                     static_cast<unsigned long long>(n - current.fastPathDecoded()));
        return 1;
    }
    const Figures str = measure(n, [&] {
        for (const auto& e : events)
            strict.parse(e, a);
        g_sink = g_sink + a[0].asInt();
    });
    const Figures cur = measure(n, [&] {
        for (const auto& e : events)
            current.parse(e, c);
        g_sink = g_sink + c[0].asInt();
    });
    const Figures sj = measure(n, [&] {
        for (const auto& e : events)
            simd.decode(e, b, true);
        g_sink = g_sink + b[0].asInt();
    });
    const Figures sjNoCopy = measure(n, [&] {
        for (const auto& e : padded)
            simd.decode(e, b, false);
        g_sink = g_sink + b[0].asInt();
    });
    std::printf("orders JSON event decode, %zu events, %zu bytes each (ns/event, thread CPU)\n", n,
                events[0].size());
    std::printf("  %-34s best %7.1f  median %7.1f\n", "strict parser alone", str.best, str.median);
    std::printf("  %-34s best %7.1f  median %7.1f\n", "JsonRowParser (fast path)", cur.best,
                cur.median);
    std::printf("  %-34s best %7.1f  median %7.1f\n", "simdjson ondemand (+ padded copy)", sj.best,
                sj.median);
    std::printf("  %-34s best %7.1f  median %7.1f\n", "simdjson ondemand (no copy)", sjNoCopy.best,
                sjNoCopy.median);
    std::printf("  ratio strict/JsonRowParser: best %.2f  median %.2f\n", str.best / cur.best,
                str.median / cur.median);
    std::printf("  ratio strict/simdjson alone: best %.2f  median %.2f (no copy: %.2f / %.2f)\n",
                str.best / sj.best, str.median / sj.median, str.best / sjNoCopy.best,
                str.median / sjNoCopy.median);
    return 0;
}
