#pragma once
// Checks that bytes are exactly one Avro binary datum of a writer schema (the specification's
// "Binary Encoding") before libavro reads them: every length and count fits in the bytes that
// are left, union and enum indices are in range, varints end within 10 bytes, and nothing is left
// after the datum. libavro allocates a string's or bytes' declared length before it reads them
// (a garbage length could ask for terabytes), so untrusted bytes go through this first; it also
// names where the datum went wrong ("field 'coupon': a string of 1000000 bytes, 3 left").
#include <cstddef>
#include <optional>
#include <string>

#include "schema/AvroModel.h"

namespace sw::runtime {

/// nullopt when `data[0 .. size)` is exactly one datum of `schema`, else why not.
std::optional<std::string> checkAvroDatum(const schema::AvroNode& schema, const char* data,
                                          std::size_t size);

} // namespace sw::runtime
