#include "exec/Partitioner.h"

namespace sw::runtime {

std::string_view toString(Partitioning p)
{
    switch (p) {
    case Partitioning::Forward:
        return "forward";
    case Partitioning::KeyHash:
        return "key-hash";
    case Partitioning::Broadcast:
        return "broadcast";
    case Partitioning::Rebalance:
        return "rebalance";
    }
    return "forward";
}

} // namespace sw::runtime
