// The runtime layer must contain no Qt: not in includes, not in its CMake link line.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

// Plain (not raw) string: AutoMoc's scanner mis-reads raw literals with quotes inside.
static const char* const kQtIncludePattern = "^\\s*#\\s*include\\s*[<\\x22](Q[A-Za-z]|qt[a-z]*/)";

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
            if (!e.is_regular_file()) continue;
            auto ext = e.path().extension().string();
            if (ext != ".h" && ext != ".cpp" && ext != ".hpp") continue;
            ++files;
            std::ifstream in(e.path());
            std::string line;
            int n = 0;
            while (std::getline(in, line)) {
                ++n;
                if (std::regex_search(line, qtInclude))
                    offenders << QString::fromStdString(e.path().string() + ":" + std::to_string(n));
            }
        }
        QVERIFY2(files > 10, "runtime sources not found");
        QVERIFY2(offenders.isEmpty(), qPrintable("Qt includes in runtime/: " + offenders.join(", ")));
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
        for (std::string l; std::getline(lines, l);) code += l.substr(0, l.find('#')) + "\n";
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
};

QTEST_GUILESS_MAIN(TstLayering)
#include "tst_layering.moc"
