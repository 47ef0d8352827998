#include "ui/PreferencesDialog.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "ui/Language.h"

namespace sw::app {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_initial = storedLanguage();
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    for (const LanguageChoice& c : availableLanguages())
        m_language->addItem(c.name, c.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_initial)));

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto* hint = new QLabel(tr("The language takes effect when Streamwright is restarted."), this);
    hint->setWordWrap(true);
    m_restartNote = new QLabel(this);
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restartNote->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] { updateRestartNote(); });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_restartNote);
    layout->addStretch();
    layout->addWidget(buttons);
    updateRestartNote();
    resize(sizeHint().expandedTo(QSize(420, 0)));
}

void PreferencesDialog::apply()
{
    storeLanguage(m_language->currentData().toString());
}

void PreferencesDialog::updateRestartNote()
{
    const bool changed = m_language->currentData().toString() != m_initial;
    m_restartNote->setText(changed ? tr("<b>Restart Streamwright to use the new language.</b>")
                                   : QString());
    m_restartNote->setVisible(changed);
}

} // namespace sw::app
