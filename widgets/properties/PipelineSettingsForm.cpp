#include "properties/PipelineSettingsForm.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

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
      m_evolution(new QComboBox(this)), m_parallelismMsg(createMessageLabel(this)),
      m_checkpointMsg(createMessageLabel(this)), m_summary(new QLabel(this))
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
    grid->addWidget(m_summary, r++, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    connect(m_name, &QLineEdit::editingFinished, this, &PipelineSettingsForm::apply);
    connect(m_checkpoint, &QLineEdit::editingFinished, this, &PipelineSettingsForm::apply);
    connect(m_parallelism, &QAbstractSpinBox::editingFinished, this, &PipelineSettingsForm::apply);
    connect(m_parallelism, &NumberSpinBox::stepped, this, &PipelineSettingsForm::apply);
    connect(m_delivery, &QComboBox::activated, this, &PipelineSettingsForm::apply);
    connect(m_evolution, &QComboBox::activated, this, &PipelineSettingsForm::apply);
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
    m_model->setSettings(s);
}

void PipelineSettingsForm::focusProperty(const QString& property)
{
    if (property == QLatin1String("parallelism"))
        m_parallelism->setFocus();
    else if (property == QLatin1String("checkpoint_interval"))
        m_checkpoint->setFocus();
    else
        m_name->setFocus();
}

QString PipelineSettingsForm::message(const QString& property) const
{
    QLabel* l = property == QLatin1String("parallelism")           ? m_parallelismMsg
                : property == QLatin1String("checkpoint_interval") ? m_checkpointMsg
                                                                   : nullptr;
    return l && !l->isHidden() ? l->text() : QString();
}

} // namespace sw::widgets
