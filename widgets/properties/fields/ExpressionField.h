#pragma once
// SQL expression properties: highlighted editor, live check against the input schema (or syntax
// only when the schema is unknown), a red underline at the parser's column with its message.
// Enter applies (Shift+Enter for a new line); an expression with an error is never applied.
#include <optional>

#include <QPlainTextEdit>

#include "properties/PropertyField.h"

class QTimer;
class QToolButton;

namespace sw::widgets {

class SqlHighlighter;

class ExpressionEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ExpressionEdit(QWidget* parent = nullptr);
    /// Underlines from the 1-based character `column` to the end of the token there.
    void markError(int column);
    void clearError();
    /// Position of the underline (0-based), -1 when none.
    int errorPosition() const { return m_errorPos; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void commitRequested();

protected:
    void keyPressEvent(QKeyEvent* e) override;
    void focusOutEvent(QFocusEvent* e) override;

private:
    int m_errorPos = -1;
};

class ExpressionField : public PropertyField {
    Q_OBJECT
public:
    ExpressionField(const runtime::PropertySpec& spec, QWidget* parent);
    QWidget* editorWidget() override;
    void setSchema(const runtime::Schema* schema) override;
    void markColumn(int column, const QString& message) override;
    ExpressionEdit* edit() const { return m_edit; }

    struct Problem {
        int column = 0;
        QString message;
    };
    /// The problem with `text`, checked against the schema when known.
    std::optional<Problem> check(const QString& text) const;

protected:
    void display(const nlohmann::json& value) override;
    void changeEvent(QEvent* e) override;

private:
    void liveCheck();
    void finish();
    void updateColumnsMenu();

    ExpressionEdit* m_edit;
    SqlHighlighter* m_highlighter;
    QToolButton* m_columns;
    QTimer* m_timer;
    bool m_displaying = false;
};

} // namespace sw::widgets
