#pragma once
// Syntax colouring for SQL expressions: keywords, functions, strings, numbers, operators and
// known column names.
#include <QRegularExpression>
#include <QSet>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace sw::widgets {

class SqlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument* doc);
    void setColumns(const QStringList& columns);
    void setDark(bool dark);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_keyword, m_function, m_string, m_number, m_column, m_operator, m_comment;
    QSet<QString> m_columns;
};

} // namespace sw::widgets
