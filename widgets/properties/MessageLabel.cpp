#include "properties/MessageLabel.h"

namespace sw::widgets {

QLabel* createMessageLabel(QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = l->font();
    if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() - 0.5);
    l->setFont(f);
    l->hide();
    return l;
}

void showMessage(QLabel* label, const QString& text, MessageKind kind)
{
    bool dark = label->palette().color(QPalette::Window).lightness() < 128;
    QColor c = kind == MessageKind::Error
                   ? (dark ? QColor(0xff, 0x85, 0x85) : QColor(0xc0, 0x1c, 0x1c))
                   : (dark ? QColor(0xe8, 0xb9, 0x4a) : QColor(0x8a, 0x5a, 0x00));
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, c);
    label->setPalette(p);
    label->setText(text);
    label->setToolTip(text);
    label->show();
}

void clearMessage(QLabel* label)
{
    label->clear();
    label->hide();
}

} // namespace sw::widgets
