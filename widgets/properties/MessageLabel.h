#pragma once
// The inline message under a property: red for values that were not applied or validation
// errors, amber for warnings. Colours adapt to light and dark palettes.
#include <QLabel>

namespace sw::widgets {

enum class MessageKind { Error, Warning };

QLabel* createMessageLabel(QWidget* parent);
void showMessage(QLabel* label, const QString& text, MessageKind kind);
void clearMessage(QLabel* label);

} // namespace sw::widgets
