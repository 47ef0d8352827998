#include "properties/fields/TableFields.h"

#include <QComboBox>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableWidget>

#include "expr/Expression.h"
#include "types/DataType.h"

namespace sw::widgets {

namespace {
QString qs(const nlohmann::json& v, const char* key)
{
    if (!v.is_object() || !v.contains(key) || !v[key].is_string()) return {};
    return QString::fromStdString(v[key].get<std::string>());
}

bool isIdentifier(const QString& s)
{
    if (s.isEmpty() || !(s.front().isLetter() || s.front() == QLatin1Char('_'))) return false;
    return std::all_of(s.begin(), s.end(),
                       [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); });
}

/// Masks the values of secret keys (column 0 names the key).
class SecretDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString displayText(const QVariant& value, const QLocale& locale) const override
    {
        return QStyledItemDelegate::displayText(value, locale);
    }
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        QString key = index.sibling(index.row(), 0).data().toString();
        if (index.column() == 1 && runtime::isSecretKey(key.toStdString()) &&
            !option->text.isEmpty())
            option->text = QString(8, QChar(0x2022));
    }
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& o,
                          const QModelIndex& index) const override
    {
        QWidget* w = QStyledItemDelegate::createEditor(parent, o, index);
        QString key = index.sibling(index.row(), 0).data().toString();
        if (auto* e = qobject_cast<QLineEdit*>(w);
            e && index.column() == 1 && runtime::isSecretKey(key.toStdString()))
            e->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        return w;
    }
};
} // namespace

AggregatesField::AggregatesField(const runtime::PropertySpec& spec, QWidget* parent)
    : TableField(spec, {tr("Function"), tr("Column"), tr("Result")}, parent)
{
}

QStringList AggregatesField::columnChoices() const
{
    QStringList cols{QStringLiteral("*")};
    if (const runtime::Schema* s = schema())
        for (const auto& f : s->fields())
            cols << QString::fromStdString(f.name);
    return cols;
}

void AggregatesField::setSchema(const runtime::Schema* s)
{
    PropertyField::setSchema(s);
    // Refresh column choices in place, keeping what each row shows.
    for (int r = 0; r < table()->rowCount(); ++r) {
        auto* combo = qobject_cast<QComboBox*>(table()->cellWidget(r, 1));
        if (!combo) continue;
        const QSignalBlocker block(combo);
        QString cur = combo->currentText();
        combo->clear();
        combo->addItems(columnChoices());
        combo->setCurrentText(cur);
    }
}

void AggregatesField::appendRow(const nlohmann::json& item)
{
    int r = table()->rowCount();
    table()->insertRow(r);
    QStringList fns;
    for (const auto& f : runtime::aggregateFunctions())
        fns << QString::fromStdString(f);
    addCombo(r, 0, fns, qs(item, "function"), false);
    addCombo(r, 1, columnChoices(), qs(item, "column"), true);
    setText(r, 2, qs(item, "as"));
}

nlohmann::json AggregatesField::rowValue(int row, QString& error) const
{
    QString fn = comboText(row, 0), col = comboText(row, 1), as = text(row, 2);
    if (col.isEmpty())
        error = tr("choose a column (or * for COUNT)");
    else if (col == QLatin1String("*") && fn != QLatin1String("COUNT"))
        error = tr("%1 needs a column, not *").arg(fn);
    else if (!isIdentifier(as))
        error = tr("the result needs a column name (letters, digits, _)");
    return {
        {"function", fn.toStdString()}, {"column", col.toStdString()}, {"as", as.toStdString()}};
}

nlohmann::json AggregatesField::defaultItem() const
{
    std::string as = "cnt";
    for (int n = 2; table()->findItems(QString::fromStdString(as), Qt::MatchExactly).size(); ++n)
        as = "cnt_" + std::to_string(n);
    return {{"function", "COUNT"}, {"column", "*"}, {"as", as}};
}

ColumnsField::ColumnsField(const runtime::PropertySpec& spec, QWidget* parent)
    : TableField(spec, {tr("Name"), tr("Expression")}, parent)
{
}

void ColumnsField::appendRow(const nlohmann::json& item)
{
    int r = table()->rowCount();
    table()->insertRow(r);
    setText(r, 0, qs(item, "name"));
    setText(r, 1, qs(item, "expr"));
}

nlohmann::json ColumnsField::rowValue(int row, QString& error) const
{
    QString name = text(row, 0), expr = text(row, 1);
    if (!isIdentifier(name))
        error = tr("'%1' is not a column name (letters, digits, _)").arg(name);
    else if (expr.isEmpty())
        error = tr("%1: an expression is required").arg(name);
    else {
        std::string e = expr.toStdString();
        runtime::Status st = schema() ? runtime::expr::Expression::compile(e, *schema()).status()
                                      : runtime::expr::Expression::checkSyntax(e);
        if (!st)
            error = tr("%1: column %2: %3")
                        .arg(name)
                        .arg(st.error().column)
                        .arg(QString::fromStdString(st.error().message));
    }
    return {{"name", name.toStdString()}, {"expr", expr.toStdString()}};
}

nlohmann::json ColumnsField::defaultItem() const
{
    return {{"name", "column_" + std::to_string(table()->rowCount() + 1)}, {"expr", "1"}};
}

SchemaDefField::SchemaDefField(const runtime::PropertySpec& spec, QWidget* parent)
    : TableField(spec, {tr("Column"), tr("Type")}, parent)
{
}

void SchemaDefField::appendRow(const nlohmann::json& item)
{
    int r = table()->rowCount();
    table()->insertRow(r);
    setText(r, 0, qs(item, "name"));
    addCombo(
        r, 1,
        {"BOOLEAN", "INT", "BIGINT", "DOUBLE", "DECIMAL(10, 2)", "STRING", "TIMESTAMP(3)", "BYTES"},
        qs(item, "type"), true);
}

nlohmann::json SchemaDefField::rowValue(int row, QString& error) const
{
    QString name = text(row, 0), type = comboText(row, 1);
    std::string why;
    if (!isIdentifier(name))
        error = tr("'%1' is not a column name (letters, digits, _)").arg(name);
    else if (!runtime::DataType::parse(type.toStdString(), &why))
        error = tr("%1: '%2' is not a type: %3").arg(name, type, QString::fromStdString(why));
    return {{"name", name.toStdString()}, {"type", type.toStdString()}};
}

nlohmann::json SchemaDefField::defaultItem() const
{
    return {{"name", "column_" + std::to_string(table()->rowCount() + 1)}, {"type", "STRING"}};
}

KeyValueField::KeyValueField(const runtime::PropertySpec& spec, QWidget* parent)
    : TableField(spec, {tr("Key"), tr("Value")}, parent)
{
    table()->setItemDelegate(new SecretDelegate(table()));
}

std::vector<nlohmann::json> KeyValueField::items(const nlohmann::json& v) const
{
    std::vector<nlohmann::json> out;
    if (v.is_object())
        for (auto it = v.begin(); it != v.end(); ++it)
            out.push_back({{"key", it.key()},
                           {"value", it->is_string() ? it->get<std::string>() : it->dump()}});
    return out;
}

void KeyValueField::appendRow(const nlohmann::json& item)
{
    int r = table()->rowCount();
    table()->insertRow(r);
    setText(r, 0, qs(item, "key"));
    setText(r, 1, qs(item, "value"));
}

nlohmann::json KeyValueField::rowValue(int row, QString& error) const
{
    QString key = text(row, 0);
    if (key.isEmpty()) error = tr("the key is empty");
    return {{"key", key.toStdString()}, {"value", text(row, 1).toStdString()}};
}

nlohmann::json KeyValueField::defaultItem() const
{
    return {{"key", ""}, {"value", ""}};
}

nlohmann::json KeyValueField::collect(QString& error) const
{
    nlohmann::json obj = nlohmann::json::object();
    for (int r = 0; r < table()->rowCount(); ++r) {
        nlohmann::json kv = rowValue(r, error);
        std::string key = kv["key"].get<std::string>();
        if (error.isEmpty() && obj.contains(key))
            error = tr("duplicate key '%1'").arg(QString::fromStdString(key));
        if (!error.isEmpty()) {
            error = tr("row %1: %2").arg(r + 1).arg(error);
            return {};
        }
        obj[key] = kv["value"];
    }
    return obj;
}

} // namespace sw::widgets
