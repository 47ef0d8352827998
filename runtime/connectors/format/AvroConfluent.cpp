#include "connectors/format/AvroConfluent.h"

#include <avro.h>

#include "connectors/format/AvroDatumCheck.h"
#include "connectors/kafka/ClientConfig.h"
#include "connectors/lake/AvroSchema.h"
#include "schema/SchemaRegistry.h"
#include "types/ValueText.h"

namespace sw::runtime {

using avro_plan::Conv;

struct AvroConfluentDecoder::Writer {
    std::string problem; ///< the schema cannot be read into the columns: every record fails
    std::shared_ptr<const schema::FetchedSchema> fetched;
    avro_schema_t schema = nullptr;
    avro_value_iface_t* iface = nullptr;
    avro_value_t value{};
    bool hasValue = false;
    std::vector<avro_plan::ColumnRead> plan;
    ~Writer()
    {
        if (hasValue) avro_value_decref(&value);
        if (iface) avro_value_iface_decref(iface);
        if (schema) avro_schema_decref(schema);
    }
};

struct AvroConfluentDecoder::Reader {
    avro_reader_t reader = nullptr;
    ~Reader()
    {
        if (reader) avro_reader_free(reader);
    }
};

namespace {

/// Big-endian two's complement (Avro's decimal) as a 64-bit integer; false when it is longer.
bool unscaledOf(const unsigned char* b, std::size_t n, std::int64_t& out)
{
    if (n == 0) {
        out = 0;
        return true;
    }
    const bool negative = b[0] & 0x80;
    std::size_t skip = 0;
    while (n - skip > 8 && b[skip] == (negative ? 0xff : 0x00))
        ++skip;
    if (n - skip > 8) return false;
    std::uint64_t v = negative ? ~std::uint64_t{0} : 0;
    for (std::size_t i = skip; i < n; ++i)
        v = (v << 8) | b[i];
    out = static_cast<std::int64_t>(v);
    return true;
}

bool rescale(std::int64_t unscaled, int from, int to, std::int64_t& out)
{
    out = unscaled;
    for (int s = from; s < to; ++s)
        if (__builtin_mul_overflow(out, 10, &out)) return false;
    for (int s = to; s < from; ++s) {
        if (out % 10 != 0) return false; // would lose digits
        out /= 10;
    }
    return true;
}

double pow10(int n)
{
    double d = 1;
    while (n-- > 0)
        d *= 10;
    return d;
}

} // namespace

std::string valueSubject(const std::string& topic)
{
    return topic + "-value";
}

Result<std::shared_ptr<RegistryConnection>> connectRegistry(const RegistrySettings& s)
{
    auto c = std::make_shared<RegistryConnection>();
    schema::RegistryConfig cfg{s.url, s.username, s.password};
    if (s.url.empty()) {
        auto reg = schema::SchemaRegistry::shared(s.dataDirectory);
        if (!reg) return reg.error();
        c->embedded = *reg;
        cfg.url = c->embedded->url();
    }
    if (!s.password.empty()) kafka::registerSecret(s.password);
    c->client = std::make_shared<schema::RegistryClient>(cfg);
    c->pinnedVersion = s.pinnedVersion;
    return c;
}

Status checkPinnedVersion(RegistryConnection& c, const std::string& subject, const Schema& columns)
{
    if (c.pinnedVersion <= 0) return {};
    const std::string what =
        "schema_version " + std::to_string(c.pinnedVersion) + " of subject '" + subject + "'";
    auto v = c.client->version(subject, std::to_string(c.pinnedVersion));
    if (!v) return v.error();
    auto s = c.client->schemaById(v->id);
    if (!s) return s.error();
    if (!(*s)->avro) return makeError(what + " is a " + (*s)->schemaType + " schema, not Avro");
    auto plan = avro_plan::planColumns(columns, *(*s)->avro);
    if (!plan) return makeError(what + " does not fit the columns: " + plan.error().message);
    return {};
}

AvroConfluentDecoder::AvroConfluentDecoder(Schema columns,
                                           std::shared_ptr<RegistryConnection> registry)
    : m_columns(std::move(columns)), m_registry(std::move(registry)),
      m_reader(std::make_unique<Reader>())
{
    static const char empty = 0;
    m_reader->reader = avro_reader_memory(&empty, 0);
}

AvroConfluentDecoder::~AvroConfluentDecoder() = default;

bool AvroConfluentDecoder::fail(ErrorClass c, std::string message)
{
    m_class = c;
    m_error = std::move(message);
    return false;
}

AvroConfluentDecoder::Writer* AvroConfluentDecoder::writerFor(std::uint32_t id)
{
    if (auto it = m_writers.find(id); it != m_writers.end()) return it->second.get();
    // Failures to fetch are not kept here (the client caches an unknown id; an unreachable
    // registry is asked again for the next record).
    auto fetched = m_registry->client->schemaById(static_cast<int>(id));
    if (!fetched) {
        fail(ErrorClass::Parse, "avro-confluent: " + fetched.error().message);
        return nullptr;
    }
    auto w = std::make_unique<Writer>();
    const std::string sid = "schema id " + std::to_string(id);
    if (!(*fetched)->avro) {
        w->problem = sid + " is a " + (*fetched)->schemaType + " schema, not Avro";
    } else if (auto plan = avro_plan::planColumns(m_columns, *(*fetched)->avro); !plan) {
        w->problem = sid + " does not fit the columns: " + plan.error().message;
    } else if (avro_schema_from_json_length((*fetched)->text.data(), (*fetched)->text.size(),
                                            &w->schema) != 0) {
        w->problem = sid + ": libavro refuses the schema: " + avro_strerror();
    } else if (!(w->iface = avro_generic_class_from_schema(w->schema)) ||
               avro_generic_value_new(w->iface, &w->value) != 0) {
        w->problem = sid + ": libavro: " + avro_strerror();
    } else {
        w->hasValue = true;
        w->plan = std::move(*plan);
        w->fetched = *fetched;
    }
    return m_writers.emplace(id, std::move(w)).first->second.get();
}

namespace {

/// int, long, float or double writer values (date, time-millis, timestamps too).
bool convertNumber(const avro_plan::Step& s, avro_value_t& v, const DataType& t, Value& out,
                   std::string& err)
{
    std::int64_t i = 0;
    double d = 0;
    switch (s.node->kind) {
    case schema::AvroKind::Int: {
        std::int32_t x = 0;
        avro_value_get_int(&v, &x);
        i = x;
        d = x;
        break;
    }
    case schema::AvroKind::Long:
        avro_value_get_long(&v, &i);
        d = static_cast<double>(i);
        break;
    case schema::AvroKind::Float: {
        float f = 0;
        avro_value_get_float(&v, &f);
        d = f;
        break;
    }
    default:
        avro_value_get_double(&v, &d);
    }
    std::string text;
    switch (s.conv) {
    case Conv::IntToInt:
        out.setInteger(i);
        return true;
    case Conv::ToDouble:
        out.setFloat64(d);
        return true;
    case Conv::IntToDecimal: {
        std::int64_t u = 0;
        if (!rescale(i, 0, t.scale(), u)) {
            err = std::to_string(i) + " does not fit " + t.toString();
            return false;
        }
        out.setDecimal(u, t.scale());
        return true;
    }
    case Conv::DateToTimestamp:
        out.setTimestamp(i * 86400000);
        return true;
    case Conv::MillisToTimestamp:
        out.setTimestamp(i);
        return true;
    case Conv::MicrosToTimestamp:
        out.setTimestamp(i >= 0 ? i / 1000 : -((-i + 999) / 1000));
        return true;
    case Conv::DateToString:
        appendTimestamp(text, i * 86400000);
        out.assignString(std::string_view(text).substr(0, 10));
        return true;
    default: // TimeToString
        appendTimestamp(text, i);
        out.assignString(std::string_view(text).substr(11));
        return true;
    }
}

/// A decimal (bytes or fixed) into DOUBLE or DECIMAL(p, s).
bool convertDecimal(const avro_plan::Step& s, avro_value_t& v, const DataType& t, Value& out,
                    std::string& err)
{
    const void* buf = nullptr;
    std::size_t n = 0;
    if (s.node->kind == schema::AvroKind::Fixed)
        avro_value_get_fixed(&v, &buf, &n);
    else
        avro_value_get_bytes(&v, &buf, &n);
    std::int64_t u = 0;
    if (!unscaledOf(static_cast<const unsigned char*>(buf), n, u)) {
        err = "a decimal of " + std::to_string(n) + " bytes has more than 18 digits";
        return false;
    }
    if (s.conv == Conv::DecimalToDouble) {
        out.setFloat64(static_cast<double>(u) / pow10(s.scale));
        return true;
    }
    std::int64_t r = 0;
    if (!rescale(u, s.scale, t.scale(), r)) {
        std::string text;
        appendDecimal(text, u, s.scale);
        err = text + " does not fit " + t.toString();
        return false;
    }
    out.setDecimal(r, t.scale());
    return true;
}

/// Reads writer value `v` (type s.node) into `out` as column type `t`; false with `err`.
bool convert(const avro_plan::Step& s, avro_value_t& v, const DataType& t, Value& out,
             std::string& err)
{
    switch (s.conv) {
    case Conv::Null:
        out.setNull();
        return true;
    case Conv::Boolean: {
        int b = 0;
        avro_value_get_boolean(&v, &b);
        out.setBoolean(b != 0);
        return true;
    }
    case Conv::DecimalToDouble:
    case Conv::DecimalToDecimal:
        return convertDecimal(s, v, t, out, err);
    case Conv::Text: {
        const char* str = nullptr;
        const void* buf = nullptr;
        std::size_t n = 0;
        if (s.node->kind == schema::AvroKind::String) {
            avro_value_get_string(&v, &str, &n);
            out.assignString(std::string_view(str, n ? n - 1 : 0)); // n counts the NUL
            return true;
        }
        if (s.node->kind == schema::AvroKind::Fixed)
            avro_value_get_fixed(&v, &buf, &n);
        else
            avro_value_get_bytes(&v, &buf, &n);
        out.assignString(std::string_view(static_cast<const char*>(buf), n));
        return true;
    }
    case Conv::EnumSymbol: {
        int index = 0;
        avro_value_get_enum(&v, &index);
        if (index < 0 || static_cast<std::size_t>(index) >= s.node->symbols.size()) {
            err = "enum index " + std::to_string(index) + " out of range";
            return false;
        }
        out.assignString(s.node->symbols[static_cast<std::size_t>(index)]);
        return true;
    }
    default:
        return convertNumber(s, v, t, out, err);
    }
}

} // namespace

bool AvroConfluentDecoder::decode(const char* data, std::size_t size, Row& row)
{
    m_error.clear();
    if (!data) return fail(ErrorClass::Parse, "null message value (tombstone): nothing to decode");
    if (size < 5)
        return fail(ErrorClass::Parse,
                    "avro-confluent: the value has " + std::to_string(size) +
                        " bytes, fewer than the 5-byte header (magic byte 0, 4-byte schema id)");
    const auto* b = reinterpret_cast<const unsigned char*>(data);
    if (b[0] != 0) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", b[0]);
        return fail(ErrorClass::Parse, std::string("avro-confluent: the magic byte is ") + hex +
                                           ", not 0: not Confluent's wire format");
    }
    const std::uint32_t id = (std::uint32_t{b[1]} << 24) | (std::uint32_t{b[2]} << 16) |
                             (std::uint32_t{b[3]} << 8) | std::uint32_t{b[4]};
    Writer* w = writerFor(id);
    if (!w) return false;
    if (!w->problem.empty()) return fail(ErrorClass::Type, "avro-confluent: " + w->problem);
    auto sid = [id] { return "avro-confluent: schema id " + std::to_string(id); };
    // Lengths, indices and the datum's end checked before libavro allocates what they declare.
    if (auto bad = checkAvroDatum(w->fetched->avro->root(), data + 5, size - 5))
        return fail(ErrorClass::Parse, sid() + ": the " + std::to_string(size - 5) +
                                           "-byte datum is not one datum of this schema "
                                           "(truncated or garbage): " +
                                           *bad);
    avro_reader_memory_set_source(m_reader->reader, data + 5, static_cast<int64_t>(size - 5));
    if (avro_value_read(m_reader->reader, &w->value) != 0)
        return fail(ErrorClass::Parse,
                    sid() + ": libavro cannot read the datum: " + avro_strerror());
    row.resize(m_columns.size());
    std::string err;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        const avro_plan::ColumnRead& read = w->plan[c];
        if (read.field < 0) {
            row[c].setNull();
            continue;
        }
        avro_value_t field, branch;
        avro_value_get_by_index(&w->value, static_cast<std::size_t>(read.field), &field, nullptr);
        avro_value_t* v = &field;
        std::size_t which = 0;
        if (read.isUnion) {
            int d = 0;
            avro_value_get_discriminant(&field, &d);
            avro_value_get_current_branch(&field, &branch);
            which = static_cast<std::size_t>(d);
            v = &branch;
        }
        if (!convert(read.branches[which], *v, m_columns[c].type, row[c], err))
            return fail(ErrorClass::Type, sid() + ": column '" + m_columns[c].name + "': " + err);
    }
    return true;
}

Result<std::unique_ptr<AvroConfluentEncoder>>
AvroConfluentEncoder::make(const Schema& columns, std::shared_ptr<RegistryConnection> registry,
                           const std::string& subject, const std::string& compatibility)
{
    std::unique_ptr<AvroConfluentEncoder> e(new AvroConfluentEncoder());
    auto avro = AvroRowEncoder::make(columns);
    if (!avro) return avro.error();
    e->m_avro = std::move(*avro);
    e->m_registry = std::move(registry);
    if (!compatibility.empty())
        if (auto st = e->m_registry->client->setCompatibility(subject, compatibility); !st)
            return st.error();
    auto id = e->m_registry->client->registerSchema(subject, e->m_avro->schemaJson());
    if (!id) return id.error();
    e->m_id = static_cast<std::uint32_t>(*id);
    return e;
}

AvroConfluentEncoder::~AvroConfluentEncoder() = default;

std::optional<std::string> AvroConfluentEncoder::encode(const Row& row, std::string& out)
{
    out.clear();
    if (auto problem = m_avro->encode(row)) return problem;
    out.reserve(5 + m_avro->size());
    out.push_back('\0');
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((m_id >> shift) & 0xff));
    out.append(m_avro->data(), m_avro->size());
    return std::nullopt;
}

} // namespace sw::runtime
