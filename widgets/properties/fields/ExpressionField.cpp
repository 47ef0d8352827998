#include "properties/fields/ExpressionField.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QMenu>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>

#include "expr/Expression.h"
#include "properties/fields/SqlHighlighter.h"

namespace sw::widgets {

namespace {
/// UTF-16 index of the 1-based character (code point) column.
int positionOfColumn(const QString& text, int column)
{
    int pos = 0;
    for (int c = 1; c < column && pos < text.size(); ++c)
        pos += text.at(pos).isHighSurrogate() ? 2 : 1;
    return std::min<int>(pos, static_cast<int>(text.size()));
}

QString describe(const runtime::Error& e)
{
    QString m = QString::fromStdString(e.message);
    return e.column > 0 ? QObject::tr("column %1: %2").arg(e.column).arg(m) : m;
}
} // namespace

ExpressionEdit::ExpressionEdit(QWidget* parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    if (font().pointSizeF() > 0) mono.setPointSizeF(font().pointSizeF());
    setFont(mono);
}

QSize ExpressionEdit::sizeHint() const
{
    int lines = 3;
    int h = fontMetrics().lineSpacing() * lines + 2 * frameWidth() + 8;
    return {200, h};
}

QSize ExpressionEdit::minimumSizeHint() const
{
    return {80, sizeHint().height()};
}

void ExpressionEdit::keyPressEvent(QKeyEvent* e)
{
    if ((e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) &&
        !(e->modifiers() & Qt::ShiftModifier)) {
        Q_EMIT commitRequested();
        e->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(e);
}

void ExpressionEdit::focusOutEvent(QFocusEvent* e)
{
    QPlainTextEdit::focusOutEvent(e);
    Q_EMIT commitRequested();
}

void ExpressionEdit::markError(int column)
{
    const QString text = toPlainText();
    int pos = positionOfColumn(text, std::max(column, 1));
    int end = pos;
    while (end < text.size() &&
           (text.at(end).isLetterOrNumber() || text.at(end) == QLatin1Char('_')))
        ++end;
    if (end == pos) end = std::min<int>(pos + 1, static_cast<int>(text.size()));
    QTextEdit::ExtraSelection sel;
    sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    sel.format.setUnderlineColor(QColor(0xe0, 0x30, 0x30));
    sel.cursor = QTextCursor(document());
    if (end == pos) {
        // Error at the very end (e.g. "unexpected end"): mark the last character.
        pos = std::max(0, pos - 1);
        end = static_cast<int>(text.size());
    }
    sel.cursor.setPosition(pos);
    sel.cursor.setPosition(end, QTextCursor::KeepAnchor);
    m_errorPos = pos;
    setExtraSelections({sel});
}

void ExpressionEdit::clearError()
{
    m_errorPos = -1;
    setExtraSelections({});
}

ExpressionField::ExpressionField(const runtime::PropertySpec& spec, QWidget* parent)
    : PropertyField(spec, parent), m_edit(new ExpressionEdit(this)),
      m_highlighter(new SqlHighlighter(m_edit->document())), m_columns(new QToolButton(this)),
      m_timer(new QTimer(this))
{
    auto* l = new QHBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(4);
    l->addWidget(m_edit, 1);
    l->addWidget(m_columns, 0, Qt::AlignTop);
    m_columns->setText(QStringLiteral("\u2026"));
    m_columns->setToolTip(tr("Insert a column of the input"));
    m_columns->setPopupMode(QToolButton::InstantPopup);
    m_columns->setMenu(new QMenu(m_columns));
    m_highlighter->setDark(palette().color(QPalette::Base).lightness() < 128);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150);
    connect(m_timer, &QTimer::timeout, this, &ExpressionField::liveCheck);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_displaying) m_timer->start();
    });
    connect(m_edit, &ExpressionEdit::commitRequested, this, &ExpressionField::finish);
    updateColumnsMenu();
}

QWidget* ExpressionField::editorWidget()
{
    return m_edit;
}

void ExpressionField::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::PaletteChange)
        m_highlighter->setDark(palette().color(QPalette::Base).lightness() < 128);
    PropertyField::changeEvent(e);
}

void ExpressionField::setSchema(const runtime::Schema* s)
{
    PropertyField::setSchema(s);
    QStringList cols;
    if (s)
        for (const auto& f : s->fields())
            cols << QString::fromStdString(f.name);
    m_highlighter->setColumns(cols);
    updateColumnsMenu();
}

void ExpressionField::updateColumnsMenu()
{
    QMenu* menu = m_columns->menu();
    menu->clear();
    const runtime::Schema* s = schema();
    m_columns->setEnabled(s && !s->empty());
    if (!s) return;
    for (const auto& f : s->fields()) {
        QString name = QString::fromStdString(f.name);
        QAction* a = menu->addAction(
            QStringLiteral("%1\t%2").arg(name, QString::fromStdString(f.type.toString())));
        connect(a, &QAction::triggered, this, [this, name] {
            m_edit->insertPlainText(name);
            m_edit->setFocus();
        });
    }
}

std::optional<ExpressionField::Problem> ExpressionField::check(const QString& text) const
{
    std::string t = text.toStdString();
    if (text.trimmed().isEmpty()) return std::nullopt; // emptiness is the spec's business
    if (const runtime::Schema* s = schema()) {
        auto r = runtime::expr::Expression::compile(t, *s);
        if (!r) return Problem{r.error().column, describe(r.error())};
        return std::nullopt;
    }
    runtime::Status st = runtime::expr::Expression::checkSyntax(t);
    if (!st) return Problem{st.error().column, describe(st.error())};
    return std::nullopt;
}

void ExpressionField::liveCheck()
{
    auto p = check(m_edit->toPlainText());
    if (!p) {
        m_edit->clearError();
        Q_EMIT invalid({});
        return;
    }
    if (p->column > 0) m_edit->markError(p->column);
    Q_EMIT invalid(p->message);
}

void ExpressionField::finish()
{
    m_timer->stop();
    QString text = m_edit->toPlainText();
    if (auto p = check(text)) {
        if (p->column > 0) m_edit->markError(p->column);
        Q_EMIT invalid(tr("%1 (not applied)").arg(p->message));
        return;
    }
    m_edit->clearError();
    commit(text.trimmed().toStdString());
}

void ExpressionField::markColumn(int column, const QString&)
{
    if (column > 0) m_edit->markError(column);
}

void ExpressionField::display(const nlohmann::json& v)
{
    m_displaying = true;
    QString text = v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
    if (m_edit->toPlainText() != text) m_edit->setPlainText(text);
    m_edit->clearError();
    m_displaying = false;
}

} // namespace sw::widgets
