#pragma once
// Light colouring for the Export dialog's YAML, JSON and shell previews: comments, keys, strings
// and numbers.
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace sw::app {

class YamlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument* doc);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_key, m_string, m_number, m_comment;
};

} // namespace sw::app
