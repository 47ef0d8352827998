#pragma once
// The `op` column sinks that write every change add for an updating input (file and console
// sinks; changelog-json style): the row kind ("+I", "-U", "+U", "-D") as the first column.
#include <string>

#include "exec/Record.h"
#include "types/Schema.h"

namespace sw::runtime {

/// "op", or "_op" when the input already has a column named op.
inline std::string rowKindColumnName(const Schema& input)
{
    return input.indexOf("op") < 0 ? "op" : "_op";
}

/// `input` with the row-kind column first.
inline Schema withRowKindColumn(const Schema& input)
{
    Schema s;
    s.add(rowKindColumnName(input), DataType::string().withNullable(false));
    for (const Field& f : input.fields())
        s.add(f.name, f.type);
    return s;
}

/// The row to write for `r`: its row, or (writeKind) its kind followed by its row in `scratch`.
inline const Row& rowToWrite(const Record& r, bool writeKind, Row& scratch)
{
    if (!writeKind) return r.row;
    scratch.clear();
    scratch.push_back(Value::string(std::string(toString(r.kind))));
    scratch.insert(scratch.end(), r.row.begin(), r.row.end());
    return scratch;
}

/// True when input port 0 of a sink carries updates (OperatorSpec::inputChangelogs).
inline bool writesRowKinds(const std::vector<ChangelogMode>& inputs)
{
    return !inputs.empty() && inputs[0].updating();
}

} // namespace sw::runtime
