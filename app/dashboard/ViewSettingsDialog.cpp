#include "dashboard/ViewSettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace sw::app {

namespace {
using Kind = runtime::DashboardView::Kind;
using Aggregate = runtime::DashboardView::Aggregate;

QString str(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
} // namespace

ViewSettingsDialog::ViewSettingsDialog(const runtime::DashboardView& view,
                                       const runtime::Schema& schema, const QString& defaultTitle,
                                       QWidget* parent)
    : QDialog(parent), m_view(view)
{
    setObjectName(QStringLiteral("dashboardViewSettings"));
    setWindowTitle(tr("Dashboard View"));
    m_form = new QFormLayout(this);
    m_title = new QLineEdit(QString::fromStdString(view.title), this);
    m_title->setPlaceholderText(defaultTitle);
    m_form->addRow(tr("&Title:"), m_title);

    m_kind = new QComboBox(this);
    const std::pair<Kind, QString> kinds[] = {{Kind::Table, tr("Table")},
                                              {Kind::Bars, tr("Bar chart")},
                                              {Kind::Lines, tr("Line chart")},
                                              {Kind::Tile, tr("Single value")}};
    for (const auto& [k, text] : kinds)
        m_kind->addItem(text, str(runtime::toString(k)));
    selectData(m_kind, str(runtime::toString(view.kind)));
    m_form->addRow(tr("&Kind:"), m_kind);

    m_x = new QComboBox(this);
    m_value = new QComboBox(this);
    m_series = new QComboBox(this);
    m_series->addItem(tr("(none)"), QString());
    for (const runtime::Field& f : schema.fields()) {
        const QString name = QString::fromStdString(f.name);
        m_x->addItem(name, name);
        m_value->addItem(name, name);
        m_series->addItem(name, name);
    }
    // Columns of a file whose schema changed since stay selectable (and say so in the view).
    for (auto [box, column] : {std::pair{m_x, view.x}, std::pair{m_value, view.value},
                               std::pair{m_series, view.series}}) {
        const QString c = QString::fromStdString(column);
        if (!c.isEmpty() && box->findData(c) < 0) box->addItem(c, c);
        if (!c.isEmpty()) selectData(box, c);
    }
    m_form->addRow(tr("&Category / x column:"), m_x);
    m_form->addRow(tr("&Value column:"), m_value);
    m_form->addRow(tr("&Series column:"), m_series);

    m_aggregate = new QComboBox(this);
    const std::pair<Aggregate, QString> aggregates[] = {
        {Aggregate::Last, tr("Latest value")}, {Aggregate::Sum, tr("Sum")},
        {Aggregate::Count, tr("Count")},       {Aggregate::Min, tr("Minimum")},
        {Aggregate::Max, tr("Maximum")},       {Aggregate::Avg, tr("Average")}};
    for (const auto& [a, text] : aggregates)
        m_aggregate->addItem(text, str(runtime::toString(a)));
    selectData(m_aggregate, str(runtime::toString(view.aggregate)));
    m_aggregate->setToolTip(tr("How the value column of the rows the view keeps is folded, per "
                               "bar or point (charts) or into one number (tile)"));
    m_form->addRow(tr("&Fold:"), m_aggregate);

    m_limit = new QSpinBox(this);
    m_limit->setRange(1, runtime::DashboardView::kMaxLimit);
    m_limit->setValue(view.limit);
    m_limitBy = new QComboBox(this);
    m_limitBy->addItem(tr("rows"), QStringLiteral("rows"));
    m_limitBy->addItem(tr("windows"), QStringLiteral("windows"));
    selectData(m_limitBy, str(runtime::toString(view.limitBy)));
    m_limitBy->setToolTip(tr("Windows count distinct window_end values (window results)"));
    auto* keep = new QWidget(this);
    auto* keepLayout = new QHBoxLayout(keep);
    keepLayout->setContentsMargins(0, 0, 0, 0);
    keepLayout->addWidget(m_limit, 1);
    keepLayout->addWidget(m_limitBy);
    m_form->addRow(tr("Keep the &last:"), keep);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_form->addRow(buttons);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ViewSettingsDialog::updateRows);
    updateRows();
}

void ViewSettingsDialog::selectData(QComboBox* box, const QString& data)
{
    const int i = box->findData(data);
    if (i >= 0) box->setCurrentIndex(i);
}

void ViewSettingsDialog::updateRows()
{
    const Kind k = runtime::parseDashboardViewKind(m_kind->currentData().toString().toStdString())
                       .value_or(Kind::Table);
    const bool chart = k == Kind::Bars || k == Kind::Lines;
    m_form->setRowVisible(m_x, chart);
    m_form->setRowVisible(m_series, chart);
    m_form->setRowVisible(m_value, chart || k == Kind::Tile);
    m_form->setRowVisible(m_aggregate, chart || k == Kind::Tile);
}

runtime::DashboardView ViewSettingsDialog::view() const
{
    runtime::DashboardView v = m_view;
    v.title = m_title->text().trimmed().toStdString();
    v.kind = runtime::parseDashboardViewKind(m_kind->currentData().toString().toStdString())
                 .value_or(Kind::Table);
    v.x = m_x->currentData().toString().toStdString();
    v.value = m_value->currentData().toString().toStdString();
    v.series = m_series->currentData().toString().toStdString();
    v.aggregate =
        runtime::parseDashboardAggregate(m_aggregate->currentData().toString().toStdString())
            .value_or(Aggregate::Last);
    v.limit = m_limit->value();
    v.limitBy = m_limitBy->currentData().toString() == QLatin1String("windows")
                    ? runtime::DashboardView::LimitBy::Windows
                    : runtime::DashboardView::LimitBy::Rows;
    return v;
}

} // namespace sw::app
