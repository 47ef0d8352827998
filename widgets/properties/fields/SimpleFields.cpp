#include "properties/fields/SimpleFields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTimer>
#include <QToolButton>

#include "types/Duration.h"

namespace sw::widgets {

namespace {
QHBoxLayout* tightLayout(QWidget* w)
{
    auto* l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(4);
    return l;
}
QString str(const nlohmann::json& v)
{
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}
} // namespace

QString TextField::maskUrlPassword(const QString& text)
{
    // scheme://user:password@host... (a Redis URL, basic auth in a webhook URL)
    static const QRegularExpression re(
        QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*://[^/@:]*:)([^@/]+)@"));
    QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch()) return text;
    return m.captured(1) + QString(8, QChar(0x2022)) + QLatin1Char('@') +
           text.mid(m.capturedEnd(0));
}

bool TextField::eventFilter(QObject* o, QEvent* e)
{
    // A password inside a URL shows as bullets unless the field is being edited.
    if (o == m_edit && e->type() == QEvent::FocusIn && m_edit->text() != m_text)
        m_edit->setText(m_text);
    if (o == m_edit && e->type() == QEvent::FocusOut) // after editingFinished has committed
        QTimer::singleShot(0, this, [this] {
            if (!m_edit->hasFocus()) m_edit->setText(maskUrlPassword(m_text));
        });
    return PropertyField::eventFilter(o, e);
}

TextField::TextField(const runtime::PropertySpec& spec, QWidget* parent)
    : PropertyField(spec, parent), m_edit(new QLineEdit(this))
{
    auto* l = tightLayout(this);
    l->addWidget(m_edit);
    if (spec.type == runtime::PropertyType::Path) {
        auto* b = new QToolButton(this);
        b->setText(QStringLiteral("\u2026"));
        b->setToolTip(tr("Choose a file"));
        l->addWidget(b);
        connect(b, &QToolButton::clicked, this, &TextField::browse);
    }
    if (spec.type == runtime::PropertyType::Topic)
        m_edit->setPlaceholderText(QStringLiteral("domain.entity.event"));
    m_edit->installEventFilter(this);
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        m_text = m_edit->text();
        commit(m_text.toStdString());
    });
}

QWidget* TextField::editorWidget()
{
    return m_edit;
}

void TextField::display(const nlohmann::json& v)
{
    m_text = v.is_string() ? str(v) : (v.is_null() ? QString() : QString::fromStdString(v.dump()));
    m_edit->setText(m_edit->hasFocus() ? m_text : maskUrlPassword(m_text));
}

void TextField::browse()
{
    QString f = QFileDialog::getSaveFileName(this, spec().label.c_str(), m_edit->text(), {},
                                             nullptr, QFileDialog::DontConfirmOverwrite);
    if (f.isEmpty()) return;
    m_text = f;
    m_edit->setText(f);
    commit(f.toStdString());
}

BoolField::BoolField(const runtime::PropertySpec& spec, QWidget* parent)
    : PropertyField(spec, parent), m_check(new QCheckBox(this))
{
    tightLayout(this)->addWidget(m_check);
    connect(m_check, &QCheckBox::clicked, this, [this](bool on) { commit(on); });
}

QWidget* BoolField::editorWidget()
{
    return m_check;
}

void BoolField::display(const nlohmann::json& v)
{
    m_check->setChecked(v.is_boolean() && v.get<bool>());
}

ChoiceField::ChoiceField(const runtime::PropertySpec& spec, QWidget* parent)
    : PropertyField(spec, parent), m_combo(new QComboBox(this))
{
    tightLayout(this)->addWidget(m_combo);
    for (const auto& c : spec.choices)
        m_combo->addItem(QString::fromStdString(c));
    connect(m_combo, &QComboBox::activated, this,
            [this](int i) { commit(m_combo->itemText(i).toStdString()); });
}

QWidget* ChoiceField::editorWidget()
{
    return m_combo;
}

void ChoiceField::display(const nlohmann::json& v)
{
    int i = m_combo->findText(str(v));
    if (i < 0 && v.is_string()) {
        // A value the catalog does not offer (from a file): show it so the problem is visible.
        m_combo->addItem(str(v));
        i = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(i);
}

DurationField::DurationField(const runtime::PropertySpec& spec, QWidget* parent)
    : PropertyField(spec, parent), m_edit(new QLineEdit(this))
{
    tightLayout(this)->addWidget(m_edit);
    m_edit->setPlaceholderText(tr("e.g. 5 min, 30 s, 100 ms"));
    auto* completer = new QCompleter({"100 ms", "500 ms", "1 s", "5 s", "10 s", "30 s", "1 min",
                                      "5 min", "10 min", "15 min", "1 h", "1 d"},
                                     this);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_edit->setCompleter(completer);
    connect(m_edit, &QLineEdit::editingFinished, this, &DurationField::finish);
}

QWidget* DurationField::editorWidget()
{
    return m_edit;
}

void DurationField::display(const nlohmann::json& v)
{
    m_edit->setText(str(v));
}

void DurationField::finish()
{
    std::string text = m_edit->text().trimmed().toStdString();
    std::string err;
    auto ms = runtime::parseDuration(text, &err);
    if (!ms) {
        Q_EMIT invalid(tr("'%1' is not a duration: %2 (type e.g. 5 min, 30 s, 100 ms)")
                           .arg(QString::fromStdString(text), QString::fromStdString(err)));
        return;
    }
    std::string canonical = runtime::formatDuration(*ms);
    m_edit->setText(QString::fromStdString(canonical));
    commit(canonical);
}

ColumnField::ColumnField(const runtime::PropertySpec& spec, QWidget* parent)
    : PropertyField(spec, parent), m_combo(new QComboBox(this))
{
    tightLayout(this)->addWidget(m_combo);
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    if (!spec.required) m_combo->lineEdit()->setPlaceholderText(tr("(default)"));
    connect(m_combo, &QComboBox::activated, this, [this](int) { finish(); });
    connect(m_combo->lineEdit(), &QLineEdit::editingFinished, this, &ColumnField::finish);
}

QWidget* ColumnField::editorWidget()
{
    return m_combo;
}

void ColumnField::setSchema(const runtime::Schema* s)
{
    PropertyField::setSchema(s);
    fill();
}

void ColumnField::fill()
{
    const QSignalBlocker block(m_combo);
    QString text = m_combo->currentText();
    m_combo->clear();
    if (!spec().required) m_combo->addItem(QString());
    if (const runtime::Schema* s = schema())
        for (const auto& f : s->fields()) {
            m_combo->addItem(QString::fromStdString(f.name));
            m_combo->setItemData(m_combo->count() - 1, QString::fromStdString(f.type.toString()),
                                 Qt::ToolTipRole);
        }
    m_combo->setCurrentText(text);
}

void ColumnField::display(const nlohmann::json& v)
{
    const QSignalBlocker block(m_combo);
    m_combo->setCurrentText(str(v));
    m_committed.reset();
}

void ColumnField::finish()
{
    QString text = m_combo->currentText().trimmed();
    const runtime::Schema* s = schema();
    if (s && !text.isEmpty() && !s->find(text.toStdString())) {
        QStringList names;
        for (const auto& f : s->fields())
            names << QString::fromStdString(f.name);
        Q_EMIT invalid(tr("no column '%1' in the input (columns: %2)")
                           .arg(text, names.join(QStringLiteral(", "))));
        m_committed.reset();
        return;
    }
    // One Return raises both activated and editingFinished: commit each text once.
    if (m_committed == text) return;
    m_committed = text;
    commit(text.toStdString());
}

} // namespace sw::widgets
