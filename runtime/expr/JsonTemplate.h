#pragma once
// A JSON text with expression placeholders: the body of a webhook (alert-sink, mode webhook).
//
//   {"text": "Order {{ order_id }} by {{ customer_id }}", "amount": "{{ amount * 1.2 }}",
//    "tags": ["orders", "{{ category }}"]}
//
// Placeholders `{{ expression }}` stand in JSON string values only (not in keys, not between
// values); the expression is any expression of this language over the input row.
//   - A string that is exactly one placeholder ("{{ amount }}") becomes the expression's JSON
//     value: numbers and booleans unquoted, NULL as null, strings and timestamps quoted.
//   - A placeholder inside other text is rendered as text into that string (NULL as nothing).
// Everything outside placeholders is copied as written. Compilation checks the whole template:
// it must be valid JSON once placeholders are filled, every placeholder closed and every
// expression valid for the input schema; errors name the line and column in the template.
// Rendering is concatenation of the literal parts and the values (callers render values:
// connectors/format owns the JSON rendering of SQL values).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/Expression.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::runtime::expr {

class JsonTemplate {
public:
    struct Part {
        std::string literal;            ///< copied first, as is
        std::optional<Expression> expr; ///< then this value, if any
        bool typed = false; ///< true: a whole JSON value; false: text inside a string (escaped)
    };

    /// Compiles `text` against `input`. Errors carry line and column (1-based) in `text`.
    static Result<JsonTemplate> compile(std::string_view text, const Schema& input);

    const std::vector<Part>& parts() const { return m_parts; }

private:
    std::vector<Part> m_parts;
};

} // namespace sw::runtime::expr
