#pragma once
// The small settings popup of one dashboard view: title, kind (table, bars, lines, tile), the
// category/x, value and series columns (from the source's schema), how a cell folds its rows,
// and how many rows or windows the view keeps.
#include <QDialog>

#include "model/Dashboard.h"
#include "types/Schema.h"

class QComboBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

namespace sw::app {

class ViewSettingsDialog : public QDialog {
    Q_OBJECT
public:
    ViewSettingsDialog(const runtime::DashboardView& view, const runtime::Schema& schema,
                       const QString& defaultTitle, QWidget* parent = nullptr);

    /// The view as edited (source unchanged).
    runtime::DashboardView view() const;

    QComboBox* kindBox() const { return m_kind; }
    QComboBox* xBox() const { return m_x; }
    QComboBox* valueBox() const { return m_value; }
    QComboBox* seriesBox() const { return m_series; }
    QComboBox* aggregateBox() const { return m_aggregate; }
    QComboBox* limitByBox() const { return m_limitBy; }
    QSpinBox* limitBox() const { return m_limit; }
    QLineEdit* titleEdit() const { return m_title; }

private:
    void updateRows();
    static void selectData(QComboBox* box, const QString& data);

    runtime::DashboardView m_view;
    QFormLayout* m_form = nullptr;
    QLineEdit* m_title = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_x = nullptr;
    QComboBox* m_value = nullptr;
    QComboBox* m_series = nullptr;
    QComboBox* m_aggregate = nullptr;
    QSpinBox* m_limit = nullptr;
    QComboBox* m_limitBy = nullptr;
};

} // namespace sw::app
