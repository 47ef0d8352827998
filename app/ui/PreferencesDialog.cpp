#include "ui/PreferencesDialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include "run/RunSettings.h"
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
    // Monitoring: the runs' metrics for Prometheus (docs/monitoring.md).
    const MetricsEndpointSetting endpoint = loadMetricsEndpointSetting();
    m_metricsEndpoint = new QCheckBox(tr("&Serve Prometheus metrics while a pipeline runs"), this);
    m_metricsEndpoint->setObjectName(QStringLiteral("metricsEndpointBox"));
    m_metricsEndpoint->setChecked(endpoint.enabled);
    m_metricsPort = new QSpinBox(this);
    m_metricsPort->setObjectName(QStringLiteral("metricsPortBox"));
    m_metricsPort->setRange(0, 65535);
    m_metricsPort->setValue(endpoint.port);
    m_metricsPort->setSpecialValueText(tr("any free port"));
    m_metricsPort->setEnabled(endpoint.enabled);
    connect(m_metricsEndpoint, &QCheckBox::toggled, m_metricsPort, &QSpinBox::setEnabled);
    auto* monitoring = new QGroupBox(tr("Monitoring"), this);
    auto* monitoringForm = new QFormLayout(monitoring);
    monitoringForm->addRow(m_metricsEndpoint);
    monitoringForm->addRow(tr("&Port on 127.0.0.1:"), m_metricsPort);
    auto* endpointHint = new QLabel(
        tr("Serves http://127.0.0.1:PORT/metrics from the next run on, as streamwright-run "
           "--metrics-port does."),
        monitoring);
    endpointHint->setWordWrap(true);
    monitoringForm->addRow(endpointHint);

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
    layout->addWidget(monitoring);
    layout->addStretch();
    layout->addWidget(buttons);
    updateRestartNote();
    resize(sizeHint().expandedTo(QSize(420, 0)));
}

void PreferencesDialog::apply()
{
    storeLanguage(m_language->currentData().toString());
    storeMetricsEndpointSetting({m_metricsEndpoint->isChecked(), m_metricsPort->value()});
}

void PreferencesDialog::updateRestartNote()
{
    const bool changed = m_language->currentData().toString() != m_initial;
    m_restartNote->setText(changed ? tr("<b>Restart Streamwright to use the new language.</b>")
                                   : QString());
    m_restartNote->setVisible(changed);
}

} // namespace sw::app
