#include "YamlHighlighter.h"

#include <QRegularExpression>

namespace sw::app {

YamlHighlighter::YamlHighlighter(QTextDocument* doc) : QSyntaxHighlighter(doc)
{
    m_key.setForeground(QColor(0x1f, 0x5f, 0xa8));
    m_key.setFontWeight(QFont::Bold);
    m_string.setForeground(QColor(0x2e, 0x7d, 0x32));
    m_number.setForeground(QColor(0xad, 0x5c, 0x00));
    m_comment.setForeground(QColor(0x80, 0x80, 0x80));
    m_comment.setFontItalic(true);
}

void YamlHighlighter::highlightBlock(const QString& text)
{
    static const QRegularExpression key(R"(^\s*(?:- )?("?[\w.\-/]+"?)\s*:(?=\s|$))");
    static const QRegularExpression str(R"("(?:[^"\\]|\\.)*"|'[^']*')");
    static const QRegularExpression num(R"((?<![\w.])-?\d+(?:\.\d+)?(?![\w.]))");
    for (auto it = num.globalMatch(text); it.hasNext();) {
        auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                  m_number);
    }
    for (auto it = str.globalMatch(text); it.hasNext();) {
        auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                  m_string);
    }
    if (auto m = key.match(text); m.hasMatch())
        setFormat(static_cast<int>(m.capturedStart(1)), static_cast<int>(m.capturedLength(1)),
                  m_key);
    int hash = static_cast<int>(text.indexOf('#'));
    if (hash >= 0 && (hash == 0 || text[hash - 1].isSpace()))
        setFormat(hash, static_cast<int>(text.size()) - hash, m_comment);
}

} // namespace sw::app
