// Layering rules, checked on the source tree (ARCHITECTURE.md "Layers"):
// - runtime/ has no Qt: not in includes, not in its CMake link line;
// - between runtime folders, includes point down only (kLayers / kAllowed below); an include
//   that runs back up fails unless the including line carries a `// layering: <why>` comment;
// - widgets/ uses the runtime's public value types, never engine internals (exec/, connectors/,
//   operators/, sqlite/, state/); the includes it has today are listed in kWidgetsAllowList.
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/Catalog.h"
#include "exec/OperatorRegistry.h"

namespace fs = std::filesystem;

// Plain (not raw) string: AutoMoc's scanner mis-reads raw literals with quotes inside.
static const char* const kQtIncludePattern = "^\\s*#\\s*include\\s*[<\\x22](Q[A-Za-z]|qt[a-z]*/)";
static const char* const kQuotedIncludePattern = "^\\s*#\\s*include\\s*\\x22([^\\x22]+)\\x22(.*)$";

namespace {

/// The runtime folders from the bottom up. A folder may include only folders listed before it;
/// kAllowed says which of those it actually may use. A new folder must be added to both.
const std::vector<std::string> kLayers = {
    "util",       // Status/Result
    "types",      // Value, DataType, Schema, Duration
    "time",       // EventTime, watermarks, timer queues
    "model",      // PipelineSpec, NodeSpec, Diagnostic, saving pipeline files
    "expr",       // SQL expressions over a Schema
    "catalog",    // node types: ports, properties, defaults, schema derivation, traits; loading
    "validate",   // design-time checks over the graph
    "export",     // Flink SQL, Kubernetes, topic plans
    "metrics",    // counters and MetricsSnapshot
    "sqlite",     // the SQLite wrapper
    "schema",     // the Schema Registry: Avro schemas, compatibility, the embedded server, client
    "redis",      // the Redis client (hiredis): URLs, pipelining, reconnects
    "state",      // operator state and the checkpoint store
    "exec",       // engine, plan, channels, the Operator API, the operator registry
    "operators",  // stateless operators, windows, joins, dedup (register into exec's registry)
    "connectors", // sources, sinks, formats, DLQ, Kafka (register into exec's registry)
    "replay",     // recordings, replay sources, golden files (run --record/--replay, test)
};

/// Allowed dependencies of each runtime folder (its own folder is always allowed).
const std::map<std::string, std::set<std::string>> kAllowed = {
    {"util", {}},
    {"types", {"util"}},
    {"time", {"util", "types"}},
    {"model", {"util", "types", "time"}},
    {"expr", {"util", "types", "time"}},
    {"catalog", {"util", "types", "time", "model", "expr"}},
    {"validate", {"util", "types", "time", "model", "expr", "catalog"}},
    {"export", {"util", "types", "time", "model", "expr", "catalog", "validate"}},
    {"metrics", {"util", "types", "time", "model"}},
    {"sqlite", {"util", "types"}},
    {"schema", {"util", "types", "sqlite"}},
    {"redis", {"util", "types"}},
    {"state", {"util", "types", "time", "model", "sqlite"}},
    {"exec",
     {"util", "types", "time", "model", "expr", "catalog", "validate", "metrics", "sqlite",
      "state"}},
    {"operators",
     {"util", "types", "time", "model", "expr", "catalog", "validate", "metrics", "state", "exec",
      "redis"}},
    {"connectors",
     {"util", "types", "time", "model", "expr", "catalog", "validate", "metrics", "sqlite", "state",
      "exec", "redis", "schema"}},
    {"replay",
     {"util", "types", "time", "model", "expr", "catalog", "metrics", "state", "exec",
      "connectors"}},
};

/// Runtime folders widgets/ must not include: the engine and its implementations. Widgets read
/// specs, the catalog, metrics snapshots and the other plain value types.
const std::set<std::string> kWidgetsForbidden = {"exec",   "connectors", "operators",
                                                 "sqlite", "state",      "redis"};

/// Engine-internal includes widgets/ still has (file relative to widgets/, included header).
/// Each entry is a debt: the widgets need a public runtime API for it (issue 18, item 5, owned by
/// the widgets public-API work). Remove entries as they are fixed; a stale entry fails the test.
const std::set<std::pair<std::string, std::string>> kWidgetsAllowList = {};

struct Include {
    std::string file; ///< path relative to the scanned root
    int line = 0;
    std::string header;  ///< as written: "exec/Engine.h"
    std::string trailer; ///< the rest of the line after the closing quote
};

bool isSource(const fs::path& p)
{
    const auto ext = p.extension().string();
    return ext == ".h" || ext == ".cpp" || ext == ".hpp";
}

std::vector<Include> quotedIncludes(const fs::path& root)
{
    const std::regex re(kQuotedIncludePattern);
    std::vector<Include> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file() || !isSource(e.path())) continue;
        std::ifstream in(e.path());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            std::smatch m;
            if (std::regex_match(line, m, re))
                out.push_back({fs::relative(e.path(), root).generic_string(), n, m[1], m[2]});
        }
    }
    return out;
}

std::string firstComponent(const std::string& path)
{
    const auto slash = path.find('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

/// A `// layering: <reason>` comment with a reason of at least a few words' length.
bool hasLayeringReason(const std::string& trailer)
{
    const auto at = trailer.find("// layering:");
    if (at == std::string::npos) return false;
    std::string reason = trailer.substr(at + 12);
    reason.erase(std::remove(reason.begin(), reason.end(), ' '), reason.end());
    return reason.size() >= 10;
}

int rankOf(const std::string& folder)
{
    const auto it = std::find(kLayers.begin(), kLayers.end(), folder);
    return it == kLayers.end() ? -1 : static_cast<int>(it - kLayers.begin());
}

/// Problems of one include from runtime folder `from`; empty when it is allowed. `exception`
/// is set when an up-edge is explained by a layering comment.
std::string checkRuntimeInclude(const std::string& from, const Include& inc, bool& exception)
{
    exception = false;
    const std::string to = firstComponent(inc.header);
    if (to.empty() || to == from) return {};
    if (!kAllowed.count(from)) return "folder '" + from + "' is not in the layering table";
    if (!kAllowed.count(to)) return {}; // not a runtime folder (a third-party path)
    if (kAllowed.at(from).count(to)) return {};
    if (hasLayeringReason(inc.trailer)) {
        exception = true;
        return {};
    }
    return from + "/ may not include " + to + "/ (" + inc.header + ")";
}

} // namespace

class TstLayering : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runtimeHasNoQtIncludes()
    {
        const fs::path root = fs::path(SW_SOURCE_DIR) / "runtime";
        const std::regex qtInclude(kQtIncludePattern);
        int files = 0;
        QStringList offenders;
        for (const auto& e : fs::recursive_directory_iterator(root)) {
            if (!e.is_regular_file() || !isSource(e.path())) continue;
            ++files;
            std::ifstream in(e.path());
            std::string line;
            int n = 0;
            while (std::getline(in, line)) {
                ++n;
                if (std::regex_search(line, qtInclude))
                    offenders << QString::fromStdString(e.path().string() + ":" +
                                                        std::to_string(n));
            }
        }
        QVERIFY2(files > 10, "runtime sources not found");
        QVERIFY2(offenders.isEmpty(),
                 qPrintable("Qt includes in runtime/: " + offenders.join(", ")));
    }

    void runtimeCMakeLinksNoQt()
    {
        std::ifstream in(fs::path(SW_SOURCE_DIR) / "runtime" / "CMakeLists.txt");
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        QVERIFY(!text.empty());
        // Strip comments, then look for any Qt target or package.
        std::string code;
        std::istringstream lines(text);
        for (std::string l; std::getline(lines, l);)
            code += l.substr(0, l.find('#')) + "\n";
        QVERIFY2(code.find("Qt6") == std::string::npos && code.find("Qt::") == std::string::npos,
                 "runtime/CMakeLists.txt links a Qt target");
    }

    void detectorCatchesAQtInclude()
    {
        // The detector itself must be able to fail.
        const std::regex qtInclude(kQtIncludePattern);
        QVERIFY(std::regex_search(std::string("#include <QString>"), qtInclude));
        QVERIFY(std::regex_search(std::string("  #  include \"QtCore/qglobal.h\""), qtInclude));
        QVERIFY(!std::regex_search(std::string("#include <queue>"), qtInclude));
    }

    void layerTableOnlyPointsDown()
    {
        // The allowed-dependency table must agree with the order: no entry may name a folder at
        // or above its own, so a back-edge cannot be "allowed" by editing the table alone.
        QCOMPARE(kAllowed.size(), kLayers.size());
        for (const auto& [folder, deps] : kAllowed) {
            const int r = rankOf(folder);
            QVERIFY2(r >= 0, qPrintable(QString::fromStdString(folder) + " is not in kLayers"));
            for (const auto& d : deps)
                QVERIFY2(rankOf(d) >= 0 && rankOf(d) < r,
                         qPrintable(
                             QString::fromStdString(folder + " -> " + d + " does not point down")));
        }
    }

    void everyRuntimeFolderIsInTheTable()
    {
        const fs::path root = fs::path(SW_SOURCE_DIR) / "runtime";
        QStringList unknown;
        for (const auto& e : fs::directory_iterator(root))
            if (e.is_directory() && !kAllowed.count(e.path().filename().string()))
                unknown << QString::fromStdString(e.path().filename().string());
        QVERIFY2(unknown.isEmpty(), qPrintable("runtime folders missing from the layering table: " +
                                               unknown.join(", ")));
    }

    void runtimeIncludesPointDown()
    {
        const fs::path root = fs::path(SW_SOURCE_DIR) / "runtime";
        const auto includes = quotedIncludes(root);
        QVERIFY2(includes.size() > 100, "runtime includes not found");
        QStringList offenders, exceptions;
        for (const Include& inc : includes) {
            const std::string from = firstComponent(inc.file);
            if (from.empty()) continue; // files directly under runtime/
            bool exception = false;
            const std::string problem = checkRuntimeInclude(from, inc, exception);
            const QString where =
                QString::fromStdString("runtime/" + inc.file + ":" + std::to_string(inc.line));
            if (!problem.empty()) offenders << where + ": " + QString::fromStdString(problem);
            if (exception) exceptions << where + ": " + QString::fromStdString(inc.header);
        }
        for (const QString& e : exceptions)
            qInfo("explained up-edge %s", qPrintable(e));
        QVERIFY2(offenders.isEmpty(),
                 qPrintable("includes running back up between runtime folders (fix them, or "
                            "explain an unavoidable one with `// layering: <why>` on the line):\n" +
                            offenders.join("\n")));
    }

    void upEdgeDetectorCanFail()
    {
        bool exception = false;
        const Include up{"catalog/X.cpp", 1, "exec/Engine.h", ""};
        QVERIFY(!checkRuntimeInclude("catalog", up, exception).empty());
        QVERIFY(!exception);
        const Include down{"exec/X.cpp", 1, "catalog/Catalog.h", ""};
        QVERIFY(checkRuntimeInclude("exec", down, exception).empty());
        const Include same{"exec/X.cpp", 1, "exec/Record.h", ""};
        QVERIFY(checkRuntimeInclude("exec", same, exception).empty());
        const Include explained{"catalog/X.cpp", 1, "exec/Engine.h",
                                " // layering: the engine assembles X"};
        QVERIFY(checkRuntimeInclude("catalog", explained, exception).empty());
        QVERIFY(exception);
        const Include bare{"catalog/X.cpp", 1, "exec/Engine.h", " // layering:"};
        QVERIFY(!checkRuntimeInclude("catalog", bare, exception).empty());
        const Include unknownFolder{"newfolder/X.cpp", 1, "types/Value.h", ""};
        QVERIFY(!checkRuntimeInclude("newfolder", unknownFolder, exception).empty());
    }

    void operatorRegistryMatchesTheCatalog()
    {
        // The catalog describes, the engine's registry implements: every registered factory
        // names a catalog type, and every catalog type has one except those the engine cannot
        // run yet (Engine::start names them).
        using namespace sw::runtime;
        const std::set<std::string> notRunnable = {};
        std::size_t runnable = 0;
        for (const NodeType& t : Catalog::instance().types()) {
            const bool has = builtinOperators().find(t.name) != nullptr;
            QVERIFY2(has == (notRunnable.count(t.name) == 0),
                     qPrintable(QString::fromStdString(t.name + (has ? " has" : " has no") +
                                                       " operator factory")));
            runnable += has ? 1 : 0;
        }
        QCOMPARE(builtinOperators().size(), runnable);
        QVERIFY(builtinOperators().find("no-such-type") == nullptr);
    }

    void widgetsUseNoEngineInternals()
    {
        const fs::path root = fs::path(SW_SOURCE_DIR) / "widgets";
        const auto includes = quotedIncludes(root);
        QVERIFY2(!includes.empty(), "widgets includes not found");
        QStringList offenders;
        std::set<std::pair<std::string, std::string>> used;
        for (const Include& inc : includes) {
            if (!kWidgetsForbidden.count(firstComponent(inc.header))) continue;
            const std::pair<std::string, std::string> key{inc.file, inc.header};
            if (kWidgetsAllowList.count(key)) {
                used.insert(key);
                continue;
            }
            offenders << QString::fromStdString("widgets/" + inc.file + ":" +
                                                std::to_string(inc.line) + ": " + inc.header);
        }
        QStringList stale;
        for (const auto& entry : kWidgetsAllowList)
            if (!used.count(entry))
                stale << QString::fromStdString(entry.first + " -> " + entry.second);
        QVERIFY2(offenders.isEmpty(),
                 qPrintable("widgets/ includes engine internals (use the runtime's public value "
                            "types):\n" +
                            offenders.join("\n")));
        QVERIFY2(stale.isEmpty(), qPrintable("kWidgetsAllowList has entries that no longer occur "
                                             "(remove them): " +
                                             stale.join(", ")));
    }
};

QTEST_GUILESS_MAIN(TstLayering)
#include "tst_layering.moc"
