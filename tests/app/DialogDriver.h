#pragma once
// Answers modal message boxes in tests: polls for the active modal QMessageBox, records its
// text and clicks the button with the given text (or standard button).
#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

class DialogDriver : public QObject {
public:
    /// Clicks `buttonText` (e.g. "Recover") or, when empty, `standard` in every box that shows.
    explicit DialogDriver(QString buttonText,
                          QMessageBox::StandardButton standard = QMessageBox::Ok)
        : m_text(std::move(buttonText)), m_standard(standard)
    {
        connect(&m_timer, &QTimer::timeout, this, &DialogDriver::poll);
        m_timer.start(20);
    }
    const QStringList& texts() const { return m_texts; }
    int count() const { return static_cast<int>(m_texts.size()); }

private:
    void poll()
    {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box == m_last) return;
        m_last = box;
        m_texts << box->text() + QStringLiteral("\n") + box->informativeText();
        QAbstractButton* target = nullptr;
        for (QAbstractButton* b : box->buttons())
            if (!m_text.isEmpty() && b->text().remove(QLatin1Char('&')) == m_text) target = b;
        if (!target) target = box->button(m_standard);
        if (!target && !box->buttons().isEmpty()) target = box->buttons().front();
        if (target) target->click();
    }

    QString m_text;
    QMessageBox::StandardButton m_standard;
    QTimer m_timer;
    QStringList m_texts;
    QPointer<QMessageBox> m_last;
};
