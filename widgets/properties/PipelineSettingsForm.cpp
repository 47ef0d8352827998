#include "properties/PipelineSettingsForm.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

#include "model/PipelineSpec.h"
#include "modelview/PipelineModel.h"
#include "properties/MessageLabel.h"
#include "properties/fields/NumberField.h"
#include "types/Duration.h"

namespace sw::widgets {

namespace {
/// Commits a QPlainTextEdit when it loses focus.
class FocusOutFilter : public QObject {
public:
    FocusOutFilter(QObject* parent, std::function<void()> f) : QObject(parent), m_f(std::move(f)) {}
    bool eventFilter(QObject*, QEvent* e) override
    {
        if (e->type() == QEvent::FocusOut) m_f();
        return false;
    }

private:
    std::function<void()> m_f;
};
} // namespace

PipelineSettingsForm::PipelineSettingsForm(PipelineModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_name(new QLineEdit(this)),
      m_description(new QPlainTextEdit(this)), m_delivery(new QComboBox(this)),
      m_parallelism(new NumberSpinBox(true, 1, 256, this)), m_checkpoint(new QLineEdit(this)),
      m_evolution(new QComboBox(this)), m_restart(new QComboBox(this)),
      m_attempts(new NumberSpinBox(true, 1, 1000, this)), m_delay(new QLineEdit(this)),
      m_maxDelay(new QLineEdit(this)), m_retained(new NumberSpinBox(true, 1, 100, this)),
      m_tolerable(new NumberSpinBox(true, 1, 1000, this)), m_recoveryMsg(createMessageLabel(this)),
      m_parallelismMsg(createMessageLabel(this)), m_checkpointMsg(createMessageLabel(this)),
      m_summary(new QLabel(this))
{
    auto* title = new QLabel(tr("Pipeline"), this);
    QFont f = title->font();
    f.setBold(true);
    if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() + 1.5);
    title->setFont(f);
    auto* hint = new QLabel(tr("Select a node on the canvas to edit its properties."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    m_delivery->addItems({QStringLiteral("at-least-once"), QStringLiteral("exactly-once")});
    m_evolution->addItems({QString(), QStringLiteral("backward"), QStringLiteral("forward"),
                           QStringLiteral("full"), QStringLiteral("none")});
    m_checkpoint->setPlaceholderText(tr("e.g. 10 s"));
    for (auto k : {runtime::RestartStrategy::Kind::None, runtime::RestartStrategy::Kind::FixedDelay,
                   runtime::RestartStrategy::Kind::ExponentialDelay})
        m_restart->addItem(QString::fromStdString(std::string(runtime::toString(k))));
    m_restart->setToolTip(tr("What a failure inside a run does: restore the last completed "
                             "checkpoint and run again (Flink's restart strategies)"));
    m_delay->setPlaceholderText(tr("e.g. 1 s"));
    m_maxDelay->setPlaceholderText(tr("e.g. 1 min"));
    m_retained->setToolTip(tr("Completed checkpoints kept in the data directory"));
    m_tolerable->setToolTip(tr("Checkpoint failures in a row that fail the run"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(6);
    int r = 0;
    grid->addWidget(title, r++, 0, 1, 2);
    grid->addWidget(hint, r++, 0, 1, 2);
    auto row = [&](const QString& label, QWidget* w, QLabel* msg = nullptr) {
        grid->addWidget(new QLabel(label, this), r, 0);
        grid->addWidget(w, r++, 1);
        if (msg) grid->addWidget(msg, r++, 1);
    };
    row(tr("Name"), m_name);
    grid->addWidget(new QLabel(tr("Description"), this), r++, 0, 1, 2);
    grid->addWidget(m_description, r++, 0, 1, 2);
    row(tr("Delivery"), m_delivery);
    row(tr("Parallelism"), m_parallelism, m_parallelismMsg);
    row(tr("Checkpoint interval"), m_checkpoint, m_checkpointMsg);
    row(tr("Schema evolution"), m_evolution);
    row(tr("Restart strategy"), m_restart);
    row(tr("Restart attempts"), m_attempts);
    row(tr("Restart delay"), m_delay);
    row(tr("Max restart delay"), m_maxDelay, m_recoveryMsg);
    row(tr("Retained checkpoints"), m_retained);
    row(tr("Tolerable failed checkpoints"), m_tolerable);
    grid->addWidget(m_summary, r++, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    connect(m_name, &QLineEdit::editingFinished, this, &PipelineSettingsForm::apply);
    connect(m_checkpoint, &QLineEdit::editingFinished, this, &PipelineSettingsForm::apply);
    connect(m_parallelism, &QAbstractSpinBox::editingFinished, this, &PipelineSettingsForm::apply);
    connect(m_parallelism, &NumberSpinBox::stepped, this, &PipelineSettingsForm::apply);
    connect(m_delivery, &QComboBox::activated, this, &PipelineSettingsForm::apply);
    connect(m_evolution, &QComboBox::activated, this, &PipelineSettingsForm::apply);
    connect(m_restart, &QComboBox::activated, this, &PipelineSettingsForm::apply);
    for (QLineEdit* e : {m_delay, m_maxDelay})
        connect(e, &QLineEdit::editingFinished, this, &PipelineSettingsForm::apply);
    for (NumberSpinBox* b : {m_attempts, m_retained, m_tolerable}) {
        connect(b, &QAbstractSpinBox::editingFinished, this, &PipelineSettingsForm::apply);
        connect(b, &NumberSpinBox::stepped, this, &PipelineSettingsForm::apply);
    }
    m_description->installEventFilter(new FocusOutFilter(this, [this] { apply(); }));
    refresh();
}

void PipelineSettingsForm::refresh()
{
    const auto& s = m_model->pipeline().settings;
    if (!m_name->hasFocus()) m_name->setText(QString::fromStdString(s.name));
    if (!m_description->hasFocus() && m_description->toPlainText().toStdString() != s.description)
        m_description->setPlainText(QString::fromStdString(s.description));
    m_delivery->setCurrentText(QString::fromStdString(std::string(runtime::toString(s.delivery))));
    if (!m_parallelism->hasFocus()) m_parallelism->setNumber(s.parallelism);
    if (!m_checkpoint->hasFocus())
        m_checkpoint->setText(
            QString::fromStdString(runtime::formatDuration(s.checkpointIntervalMs)));
    m_evolution->setCurrentText(QString::fromStdString(s.schemaEvolution));
    const auto& r = s.restartStrategy;
    m_restart->setCurrentText(QString::fromStdString(std::string(runtime::toString(r.kind))));
    if (!m_attempts->hasFocus()) m_attempts->setNumber(r.attempts);
    if (!m_delay->hasFocus())
        m_delay->setText(QString::fromStdString(runtime::formatDuration(r.delayMs)));
    if (!m_maxDelay->hasFocus())
        m_maxDelay->setText(QString::fromStdString(runtime::formatDuration(r.maxDelayMs)));
    if (!m_retained->hasFocus()) m_retained->setNumber(s.retainedCheckpoints);
    if (!m_tolerable->hasFocus()) m_tolerable->setNumber(s.tolerableFailedCheckpoints);
    updateRecoveryEnabled();
    const auto& p = m_model->pipeline();
    m_summary->setText(tr("%n node(s)", nullptr, static_cast<int>(p.nodes.size())) +
                       QStringLiteral(", ") +
                       tr("%n connection(s)", nullptr, static_cast<int>(p.edges.size())));
    clearMessage(m_parallelismMsg);
    for (const auto& d : m_model->validation().diagnostics)
        if (d.nodeId.empty() && d.property == "parallelism")
            showMessage(m_parallelismMsg, QString::fromStdString(d.message), MessageKind::Error);
}

void PipelineSettingsForm::apply()
{
    runtime::PipelineSettings s = m_model->pipeline().settings;
    s.name = m_name->text().trimmed().toStdString();
    s.description = m_description->toPlainText().toStdString();
    s.delivery = runtime::parseDeliveryGuarantee(m_delivery->currentText().toStdString())
                     .value_or(runtime::DeliveryGuarantee::AtLeastOnce);
    s.schemaEvolution = m_evolution->currentText().toStdString();
    auto par = m_parallelism->number();
    if (!par || *par < 1 || *par > 256) {
        showMessage(m_parallelismMsg, tr("expected an integer between 1 and 256 (not applied)"),
                    MessageKind::Error);
        return;
    }
    s.parallelism = static_cast<int>(*par);
    std::string err;
    auto ms = runtime::parseDuration(m_checkpoint->text().trimmed().toStdString(), &err);
    if (!ms || *ms <= 0) {
        showMessage(m_checkpointMsg,
                    ms ? tr("must be greater than 0 (not applied)")
                       : tr("'%1' is not a duration: %2 (not applied)")
                             .arg(m_checkpoint->text(), QString::fromStdString(err)),
                    MessageKind::Error);
        return;
    }
    clearMessage(m_checkpointMsg);
    clearMessage(m_parallelismMsg);
    s.checkpointIntervalMs = *ms;
    updateRecoveryEnabled();
    if (!applyRecovery(s)) return;
    m_model->setSettings(s);
}

void PipelineSettingsForm::updateRecoveryEnabled()
{
    const auto kind = runtime::parseRestartStrategyKind(m_restart->currentText().toStdString());
    const bool restarts = kind && *kind != runtime::RestartStrategy::Kind::None;
    m_attempts->setEnabled(restarts);
    m_delay->setEnabled(restarts);
    m_maxDelay->setEnabled(kind == runtime::RestartStrategy::Kind::ExponentialDelay);
}

bool PipelineSettingsForm::applyRecovery(runtime::PipelineSettings& s)
{
    auto fail = [this](const QString& text) {
        showMessage(m_recoveryMsg, text, MessageKind::Error);
        return false;
    };
    auto duration = [&](QLineEdit* e, std::int64_t& out) {
        std::string err;
        auto ms = runtime::parseDuration(e->text().trimmed().toStdString(), &err);
        if (!ms || *ms < 0)
            return fail(ms ? tr("a delay must not be negative (not applied)")
                           : tr("'%1' is not a duration: %2 (not applied)")
                                 .arg(e->text(), QString::fromStdString(err)));
        out = *ms;
        return true;
    };
    runtime::RestartStrategy r = s.restartStrategy;
    r.kind = runtime::parseRestartStrategyKind(m_restart->currentText().toStdString())
                 .value_or(runtime::RestartStrategy::Kind::FixedDelay);
    const auto attempts = m_attempts->number();
    const auto retained = m_retained->number();
    const auto tolerable = m_tolerable->number();
    if (!attempts || *attempts < 1 || *attempts > 1000)
        return fail(tr("restart attempts: expected an integer between 1 and 1000 (not applied)"));
    if (!retained || *retained < 1 || *retained > 100)
        return fail(tr("retained checkpoints: expected an integer between 1 and 100 (not "
                       "applied)"));
    if (!tolerable || *tolerable < 1 || *tolerable > 1000)
        return fail(tr("tolerable failed checkpoints: expected an integer between 1 and 1000 "
                       "(not applied)"));
    r.attempts = static_cast<int>(*attempts);
    if (!duration(m_delay, r.delayMs) || !duration(m_maxDelay, r.maxDelayMs)) return false;
    if (r.kind == runtime::RestartStrategy::Kind::ExponentialDelay && r.maxDelayMs < r.delayMs)
        return fail(tr("the max restart delay must not be shorter than the delay (not applied)"));
    clearMessage(m_recoveryMsg);
    s.restartStrategy = r;
    s.retainedCheckpoints = static_cast<int>(*retained);
    s.tolerableFailedCheckpoints = static_cast<int>(*tolerable);
    return true;
}

void PipelineSettingsForm::focusProperty(const QString& property)
{
    if (property == QLatin1String("parallelism"))
        m_parallelism->setFocus();
    else if (property == QLatin1String("checkpoint_interval"))
        m_checkpoint->setFocus();
    else if (property == QLatin1String("restart_strategy"))
        m_restart->setFocus();
    else
        m_name->setFocus();
}

QString PipelineSettingsForm::message(const QString& property) const
{
    QLabel* l = property == QLatin1String("parallelism")           ? m_parallelismMsg
                : property == QLatin1String("checkpoint_interval") ? m_checkpointMsg
                : property == QLatin1String("restart_strategy")    ? m_recoveryMsg
                                                                   : nullptr;
    return l && !l->isHidden() ? l->text() : QString();
}

} // namespace sw::widgets
