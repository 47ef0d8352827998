#pragma once
// Integer and number properties: a spin box that steps within the spec's range, shows the unit,
// and lets the user type any number; out-of-range values are explained, not silently clamped.
#include <optional>

#include <QAbstractSpinBox>

#include "properties/PropertyField.h"

class QLabel;

namespace sw::widgets {

class NumberSpinBox : public QAbstractSpinBox {
    Q_OBJECT
public:
    NumberSpinBox(bool integer, std::optional<double> min, std::optional<double> max,
                  QWidget* parent);
    /// The typed number, if the text is one.
    std::optional<double> number() const;
    void setNumber(double v);
    void stepBy(int steps) override;
    QValidator::State validate(QString& input, int& pos) const override;

Q_SIGNALS:
    void stepped();

protected:
    StepEnabled stepEnabled() const override;

private:
    QString format(double v) const;
    bool m_integer;
    std::optional<double> m_min;
    std::optional<double> m_max;
};

class NumberField : public PropertyField {
    Q_OBJECT
public:
    NumberField(const runtime::PropertySpec& spec, QWidget* parent);
    QWidget* editorWidget() override;
    NumberSpinBox* spinBox() const { return m_spin; }

protected:
    void display(const nlohmann::json& value) override;

private:
    void finish();
    NumberSpinBox* m_spin;
};

} // namespace sw::widgets
