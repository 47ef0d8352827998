#include "catalog/GeneratorSchemas.h"

namespace sw::runtime {

const std::vector<std::string>& generatorKinds()
{
    static const std::vector<std::string> k = {"orders", "clickstream", "iot", "nexmark"};
    return k;
}

std::string generatorTimeColumn(const std::string& kind)
{
    return kind == "nexmark" ? "date_time" : "event_time";
}

Schema generatorSchema(const std::string& kind, const std::string& stream)
{
    const DataType nn64 = DataType::bigint().withNullable(false);
    const DataType ts = DataType::timestamp().withNullable(false);
    const DataType str = DataType::string().withNullable(false);
    if (kind == "orders")
        return Schema({{"order_id", nn64},
                       {"customer_id", nn64},
                       {"amount", DataType::decimal(10, 2).withNullable(false)},
                       {"category", str},
                       {"event_time", ts}});
    if (kind == "clickstream")
        return Schema({{"event_id", nn64},
                       {"user_id", nn64},
                       {"session_id", str},
                       {"page", str},
                       {"action", str},
                       {"event_time", ts}});
    if (kind == "iot")
        return Schema({{"reading_id", nn64},
                       {"sensor_id", str},
                       {"temperature", DataType::float64().withNullable(false)},
                       {"humidity", DataType::float64().withNullable(false)},
                       {"battery", DataType::float64().withNullable(false)},
                       {"event_time", ts}});
    if (kind == "nexmark") {
        if (stream == "person")
            return Schema({{"id", nn64},
                           {"name", str},
                           {"email_address", str},
                           {"credit_card", str},
                           {"city", str},
                           {"state", str},
                           {"date_time", ts},
                           {"extra", str}});
        if (stream == "auction")
            return Schema({{"id", nn64},
                           {"item_name", str},
                           {"description", str},
                           {"initial_bid", nn64},
                           {"reserve", nn64},
                           {"date_time", ts},
                           {"expires", ts},
                           {"seller", nn64},
                           {"category", nn64},
                           {"extra", str}});
        return Schema({{"auction", nn64},
                       {"bidder", nn64},
                       {"price", nn64},
                       {"channel", str},
                       {"url", str},
                       {"date_time", ts},
                       {"extra", str}});
    }
    return Schema();
}

} // namespace sw::runtime
