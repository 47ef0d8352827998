#include "properties/fields/SqlHighlighter.h"

namespace sw::widgets {

namespace {
const QSet<QString>& keywords()
{
    static const QSet<QString> k = {
        "AND",    "OR",       "NOT",    "IS",       "NULL",      "IN",      "LIKE",    "BETWEEN",
        "CASE",   "WHEN",     "THEN",   "ELSE",     "END",       "CAST",    "AS",      "TRUE",
        "FALSE",  "INTERVAL", "ESCAPE", "DISTINCT", "BOOLEAN",   "INT",     "INTEGER", "BIGINT",
        "DOUBLE", "DECIMAL",  "STRING", "VARCHAR",  "TIMESTAMP", "BYTES",   "SECOND",  "MINUTE",
        "HOUR",   "DAY",      "FROM",   "TRIM",     "BOTH",      "LEADING", "TRAILING"};
    return k;
}
} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument* doc) : QSyntaxHighlighter(doc)
{
    setDark(false);
}

void SqlHighlighter::setDark(bool dark)
{
    m_keyword.setForeground(dark ? QColor(0xc5, 0x86, 0xf0) : QColor(0x7a, 0x2c, 0xb8));
    m_keyword.setFontWeight(QFont::DemiBold);
    m_function.setForeground(dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1a, 0x5f, 0xb4));
    m_string.setForeground(dark ? QColor(0xe6, 0xb4, 0x73) : QColor(0xa3, 0x4a, 0x00));
    m_number.setForeground(dark ? QColor(0x7e, 0xd3, 0xa1) : QColor(0x0b, 0x7a, 0x3e));
    m_column.setForeground(dark ? QColor(0xe8, 0xea, 0xee) : QColor(0x11, 0x14, 0x18));
    m_column.setFontItalic(false);
    m_operator.setForeground(dark ? QColor(0xa4, 0xab, 0xb6) : QColor(0x5f, 0x68, 0x75));
    m_comment.setForeground(dark ? QColor(0x7d, 0x85, 0x90) : QColor(0x80, 0x88, 0x94));
    rehighlight();
}

void SqlHighlighter::setColumns(const QStringList& columns)
{
    m_columns = QSet<QString>(columns.begin(), columns.end());
    rehighlight();
}

void SqlHighlighter::highlightBlock(const QString& text)
{
    static const QRegularExpression token(QStringLiteral(
        R"('(?:[^']|'')*'?|`[^`]*`?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|--.*$|[<>=!]=?|<>|\|\||[-+*/%(),])"));
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        auto m = it.next();
        const QString t = m.captured();
        int start = static_cast<int>(m.capturedStart());
        int len = static_cast<int>(m.capturedLength());
        QChar c = t.front();
        if (c == QLatin1Char('\''))
            setFormat(start, len, m_string);
        else if (t.startsWith(QStringLiteral("--")))
            setFormat(start, len, m_comment);
        else if (c.isDigit())
            setFormat(start, len, m_number);
        else if (c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('`')) {
            const QString upper = t.toUpper();
            int after = start + len;
            while (after < text.size() && text.at(after).isSpace())
                ++after;
            bool call = after < text.size() && text.at(after) == QLatin1Char('(');
            if (keywords().contains(upper) && upper != QLatin1String("CAST"))
                setFormat(start, len, m_keyword);
            else if (call)
                setFormat(start, len, m_function);
            else if (m_columns.contains(t) || c == QLatin1Char('`'))
                setFormat(start, len, m_column);
        } else {
            setFormat(start, len, m_operator);
        }
    }
}

} // namespace sw::widgets
