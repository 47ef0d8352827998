#pragma once
// Exact arithmetic on DECIMAL values stored as 64-bit unscaled integers (precision <= 18), with
// 128-bit intermediates. Rounding is HALF_UP (away from zero on ties), as Flink's DECIMAL.
#include <cstdint>
#include <string>
#include <string_view>

namespace sw::runtime::expr {

__extension__ typedef __int128 i128;

/// 10^n for 0 <= n <= 38.
i128 pow10i(int n);

/// |v| < 10^precision.
bool fitsPrecision(i128 v, int precision);

/// Rescales an unscaled value from scale `from` to scale `to` (HALF_UP when reducing).
/// Returns false on 128-bit overflow (only possible for huge scale increases).
bool rescale(i128 v, int from, int to, i128& out);

/// Divides a/b (both scaled integers, b != 0) producing the quotient at `digits` extra decimal
/// places, rounded HALF_UP: round(a * 10^digits / b). `digits` may be negative. Returns false if
/// the quotient's magnitude exceeds 10^19 (caller reports overflow).
bool divideRounded(i128 a, i128 b, int digits, i128& out);

/// Parses a decimal number ("-12.5", " 3 ", "1e3", ".5") into the given scale (HALF_UP).
/// Whitespace around the number is allowed. False on syntax errors or if |value| >= 10^precision.
bool parseDecimalText(std::string_view text, int precision, int scale, std::int64_t& out);

/// Converts a double to a decimal of (precision, scale) via its shortest decimal representation
/// (like Java's BigDecimal.valueOf). False for NaN/infinity or if out of range.
bool doubleToDecimal(double d, int precision, int scale, std::int64_t& out);

/// Shortest decimal digits that round-trip `d` (finite, non-zero): digits "12345" and the decimal
/// exponent e such that d = 0.d1d2... * 10^e. Sign is returned separately.
void shortestDigits(double d, std::string& digits, int& exponent, bool& negative);

/// Java's Double.toString: "1.0", "0.001", "1.0E7", "1.234E-5", "NaN", "Infinity".
std::string javaDoubleString(double d);

/// Rounds a double to `places` decimals HALF_UP on its shortest decimal representation (Flink's
/// ROUND(DOUBLE, n)); places may be negative.
double roundDouble(double d, int places);

} // namespace sw::runtime::expr
