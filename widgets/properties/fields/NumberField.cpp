#include "properties/fields/NumberField.h"

#include <algorithm>
#include <cmath>

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace sw::widgets {

NumberSpinBox::NumberSpinBox(bool integer, std::optional<double> min, std::optional<double> max,
                             QWidget* parent)
    : QAbstractSpinBox(parent), m_integer(integer), m_min(min), m_max(max)
{
    setKeyboardTracking(false);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
    setAccelerated(true);
}

std::optional<double> NumberSpinBox::number() const
{
    bool ok = false;
    QString t = text().trimmed();
    double v = m_integer ? static_cast<double>(t.toLongLong(&ok)) : t.toDouble(&ok);
    if (!ok || !std::isfinite(v)) return std::nullopt;
    return v;
}

QString NumberSpinBox::format(double v) const
{
    if (m_integer) return QString::number(static_cast<long long>(std::llround(v)));
    return QString::number(v, 'g', 15);
}

void NumberSpinBox::setNumber(double v)
{
    lineEdit()->setText(format(v));
}

void NumberSpinBox::stepBy(int steps)
{
    double v = number().value_or(m_min.value_or(0));
    double step = 1;
    if (!m_integer && m_max && m_min && *m_max - *m_min <= 10) step = 0.1;
    v += steps * step;
    if (m_min) v = std::max(v, *m_min);
    if (m_max) v = std::min(v, *m_max);
    setNumber(v);
    Q_EMIT stepped();
}

QAbstractSpinBox::StepEnabled NumberSpinBox::stepEnabled() const
{
    auto v = number();
    if (!v) return StepUpEnabled | StepDownEnabled;
    StepEnabled e = StepNone;
    if (!m_max || *v < *m_max) e |= StepUpEnabled;
    if (!m_min || *v > *m_min) e |= StepDownEnabled;
    return e;
}

QValidator::State NumberSpinBox::validate(QString& input, int&) const
{
    // Any number may be typed (the row explains out-of-range values); letters are refused.
    for (QChar c : input)
        if (!(c.isDigit() || c == QLatin1Char('-') || c == QLatin1Char('+') || c.isSpace() ||
              (!m_integer &&
               (c == QLatin1Char('.') || c == QLatin1Char('e') || c == QLatin1Char('E')))))
            return QValidator::Invalid;
    return QValidator::Acceptable;
}

NumberField::NumberField(const runtime::PropertySpec& spec, QWidget* parent)
    : PropertyField(spec, parent),
      m_spin(new NumberSpinBox(spec.type == runtime::PropertyType::Int, spec.min, spec.max, this))
{
    auto* l = new QHBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(6);
    l->addWidget(m_spin, 1);
    if (!spec.unit.empty()) {
        auto* unit = new QLabel(QString::fromStdString(spec.unit), this);
        unit->setForegroundRole(QPalette::PlaceholderText);
        l->addWidget(unit);
    }
    connect(m_spin, &QAbstractSpinBox::editingFinished, this, &NumberField::finish);
    connect(m_spin, &NumberSpinBox::stepped, this, &NumberField::finish);
}

QWidget* NumberField::editorWidget()
{
    return m_spin;
}

void NumberField::display(const nlohmann::json& v)
{
    if (v.is_number())
        m_spin->setNumber(v.get<double>());
    else
        m_spin->clear();
}

void NumberField::finish()
{
    auto v = m_spin->number();
    if (!v) {
        Q_EMIT invalid(spec().type == runtime::PropertyType::Int ? tr("expected an integer")
                                                                 : tr("expected a number"));
        return;
    }
    if (spec().type == runtime::PropertyType::Int)
        commit(static_cast<long long>(std::llround(*v)));
    else
        commit(*v);
}

} // namespace sw::widgets
